package io.lockstream.kms;

import io.lockstream.kms.store.KmsAlias;
import io.lockstream.kms.store.KmsKey;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KMS's timekeeper: deletes keys whose {@code DeletionDate} has passed (a tombstone in {@code kms.keys},
 * with the key's aliases: the key and its material are gone, every operation on it is NotFoundException and
 * its ciphertexts no longer decrypt) and performs automatic rotations that are due. Time comes from the
 * injected clock; {@link #runDue()} is what the schedule runs, and what tests call after moving their clock.
 * Every instance may run it: deleting twice and rotating twice (same derived material) are harmless.
 */
public final class KeyDeletions implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyDeletions.class);

    private final KmsCore core;
    private final KeyRotation rotation;
    private ScheduledExecutorService executor;

    KeyDeletions(KmsCore core, KeyRotation rotation) {
        this.core = core;
        this.rotation = rotation;
    }

    /** Runs {@link #runDue()} every {@code period} on a daemon thread until closed. */
    public synchronized KeyDeletions start(Duration period) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kms-key-scheduler");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(() -> {
                try {
                    runDue();
                } catch (RuntimeException e) {
                    LOGGER.warn("scheduled key deletion/rotation failed; will retry", e);
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Deletes the keys due for deletion and rotates the keys due for rotation; returns how many were deleted. */
    public int runDue() {
        double now = core.now();
        int deleted = 0;
        for (KmsKey key : core.store.all()) {
            if (KmsKey.PENDING_DELETION.equals(key.keyState()) && key.deletionDate() != null
                    && key.deletionDate() <= now) {
                for (KmsAlias alias : core.store.aliases()) {
                    if (alias.targetKeyId().equals(key.keyId())) {
                        core.store.deleteAlias(alias.aliasName());
                    }
                }
                core.store.deleteKey(key.keyId());
                LOGGER.info("deleted KMS key {} (deletion date passed)", key.arn());
                deleted++;
            } else {
                rotation.rotateIfDue(key);
            }
        }
        return deleted;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
