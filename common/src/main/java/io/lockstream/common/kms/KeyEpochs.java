package io.lockstream.common.kms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per KMS key, bumped on every change to the key. A cache records the epoch in which it started
 * asking the KMS; if the epoch moved meanwhile, the answer may predate the change and must not be kept.
 */
public final class KeyEpochs {
    private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();

    /** The current epoch of {@code keyArn}. */
    public long current(String keyArn) {
        return epochs.computeIfAbsent(keyArn, k -> new AtomicLong()).get();
    }

    /** Records a change to {@code keyArn}. */
    public void bump(String keyArn) {
        epochs.computeIfAbsent(keyArn, k -> new AtomicLong()).incrementAndGet();
    }

    /** Records a change to every key. */
    public void bumpAll() {
        epochs.values().forEach(AtomicLong::incrementAndGet);
    }
}
