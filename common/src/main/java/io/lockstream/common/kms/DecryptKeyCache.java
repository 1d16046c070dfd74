package io.lockstream.common.kms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Plaintext data keys on the decrypt side, cached by (KMS key, wrapped key, encryption context) with a
 * creation-time limit, so reading a batch asks the KMS once per data key. Entries of a key are dropped
 * at once when that key changes ({@link #invalidateKey}), which is how a disabled key or a revoked policy
 * reaches this cache: the next read asks the KMS again, and the KMS refuses. Concurrent misses for one
 * entry share one KMS call. Evicted keys are destroyed.
 */
public final class DecryptKeyCache {
    private record Entry(String keyArn, ByteBuffer wrapped, Map<String, String> context) {
    }

    private final KeyService keys;
    private final Cache<Entry, DataKey> cache;

    public DecryptKeyCache(KeyService keys, Duration maxAge, long maxEntries, Ticker ticker) {
        this.keys = keys;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .removalListener((Entry e, DataKey k, RemovalCause c) -> {
                    if (k != null) {
                        k.destroy();
                    }
                })
                .build();
    }

    /** The plaintext data key; KMS errors propagate as {@link io.lockstream.common.aws.AwsException}s. */
    public DataKey get(String keyArn, byte[] wrapped, Map<String, String> context) {
        Objects.requireNonNull(keyArn);
        return cache.get(new Entry(keyArn, ByteBuffer.wrap(wrapped.clone()), Map.copyOf(context)),
                e -> keys.decryptDataKey(e.keyArn(), wrapped, e.context()));
    }

    /** Drops every cached data key of {@code keyArn}. */
    public void invalidateKey(String keyArn) {
        cache.asMap().keySet().removeIf(e -> e.keyArn().equals(keyArn));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    public long size() {
        return cache.estimatedSize();
    }
}
