package io.lockstream.common.envelope;

import io.lockstream.common.kms.DataKey;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A data key in use for encryption, with its nonce sequence. Nonces are {@code salt(4) || counter(8)}: the
 * salt is random per data key and the counter only goes up, so a nonce never repeats under one key
 * (a data key lives in one process and is never persisted in plaintext). Usage is counted so that callers
 * can retire the key by messages and bytes.
 */
public final class SealingKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKey dataKey;
    private final byte[] salt = new byte[4];
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long createdAtNanos;

    public SealingKey(DataKey dataKey, long createdAtNanos) {
        this.dataKey = dataKey;
        this.createdAtNanos = createdAtNanos;
        RANDOM.nextBytes(salt);
    }

    private SealingKey(DataKey dataKey, byte[] salt, long firstCounter) {
        this.dataKey = dataKey;
        this.createdAtNanos = 0;
        System.arraycopy(salt, 0, this.salt, 0, 4);
        this.counter.set(firstCounter);
    }

    /**
     * TEST HOOK ONLY: a sealing key with a chosen salt and starting counter, so that golden vectors are
     * reproducible. Package-private on purpose. Never use it for real data: two keys built from the same
     * data key and salt hand out the same nonces, which breaks AES-GCM.
     */
    static SealingKey forTestingWithFixedNonces(DataKey dataKey, byte[] salt, long firstCounter) {
        if (salt.length != 4 || firstCounter < 0) {
            throw new IllegalArgumentException("salt must be 4 bytes and the counter non-negative");
        }
        return new SealingKey(dataKey, salt, firstCounter);
    }

    public DataKey dataKey() {
        return dataKey;
    }

    byte[] salt() {
        return salt;
    }

    /** Reserves {@code messages} consecutive nonces and returns the first counter value. */
    long reserve(int messages, long plaintextBytes) {
        bytes.addAndGet(plaintextBytes);
        return counter.getAndAdd(messages);
    }

    /** Messages sealed so far (nonces handed out). */
    public long messagesUsed() {
        return counter.get();
    }

    public long bytesUsed() {
        return bytes.get();
    }

    public long createdAtNanos() {
        return createdAtNanos;
    }

    /** Destroys the plaintext data key. */
    public void destroy() {
        dataKey.destroy();
    }
}
