package io.lockstream.common.kms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Plaintext data keys on the decrypt side, cached by (KMS key, wrapped key, encryption context) with a
 * creation-time limit, so reading a batch asks the KMS once per data key. Entries of a key are dropped
 * at once when that key changes ({@link #invalidateKey}), which is how a disabled key or a revoked policy
 * reaches this cache: the next read asks the KMS again, and the KMS refuses. A lookup that was already
 * asking the KMS when the key changed is not trusted either (each key has an epoch; a data key loaded in
 * an older epoch is dropped and asked for again). Concurrent misses for one entry share one KMS call.
 * Evicted keys are destroyed.
 */
public final class DecryptKeyCache {
    private record Entry(String keyArn, ByteBuffer wrapped, Map<String, String> context) {
    }

    private record Loaded(DataKey key, long epoch) {
    }

    private final KeyService keys;
    private final Cache<Entry, Loaded> cache;
    private final KeyEpochs epochs = new KeyEpochs();

    public DecryptKeyCache(KeyService keys, Duration maxAge, long maxEntries, Ticker ticker) {
        this(keys, maxAge, maxEntries, ticker, LockstreamMetrics.noop(), "decrypt_keys");
    }

    /**
     * As above, reporting hits and misses to {@code metrics} as cache {@code cacheName} (a
     * {@code LockstreamMetrics.CACHE_*} constant).
     */
    public DecryptKeyCache(KeyService keys, Duration maxAge, long maxEntries, Ticker ticker,
                           LockstreamMetrics metrics, String cacheName) {
        this.keys = keys;
        this.cache = metrics.monitor(Caffeine.newBuilder()
                .recordStats()
                .expireAfterWrite(maxAge)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .removalListener((Entry e, Loaded l, RemovalCause c) -> {
                    if (l != null) {
                        l.key().destroy();
                    }
                })
                .<Entry, Loaded>build(), cacheName);
    }

    /** The plaintext data key; KMS errors propagate as {@link io.lockstream.common.aws.AwsException}s. */
    public DataKey get(String keyArn, byte[] wrapped, Map<String, String> context) {
        Objects.requireNonNull(keyArn);
        Entry entry = new Entry(keyArn, ByteBuffer.wrap(wrapped.clone()), Map.copyOf(context));
        while (true) {
            Loaded loaded = cache.get(entry, e -> {
                long startedIn = epochs.current(keyArn);
                return new Loaded(keys.decryptDataKey(e.keyArn(), wrapped, e.context()), startedIn);
            });
            if (loaded.epoch() == epochs.current(keyArn)) {
                return loaded.key();
            }
            cache.asMap().remove(entry, loaded);
        }
    }

    /** Drops every cached data key of {@code keyArn}, including any being loaded right now. */
    public void invalidateKey(String keyArn) {
        epochs.bump(keyArn);
        cache.asMap().keySet().removeIf(e -> e.keyArn().equals(keyArn));
    }

    public void invalidateAll() {
        epochs.bumpAll();
        cache.invalidateAll();
    }

    public long size() {
        return cache.estimatedSize();
    }
}
