package io.lockstream.encryptor;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.metrics.LockstreamMetrics;
import io.lockstream.common.metrics.LockstreamMetrics.Retirement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * Data keys on the encrypt side, one per (KMS key, log group) and never shared between groups, retired by
 * the {@link DataKeyPolicy}. A key is replaced ahead of its limits, in the background: at 80 % of its age,
 * messages or bytes a new data key is generated while the old one keeps sealing, so sealing waits on the
 * KMS only for a group's first batch or after a key change. Concurrent misses share one KMS call; retired
 * keys are destroyed. Each retirement is counted by reason ({@code lockstream_data_key_retirements_total}).
 */
final class SealingKeyCache {
    private static final double REFRESH_AT = 0.8;

    private record Entry(String keyArn, String groupArn) {
    }

    private final KeyService keys;
    private final DataKeyPolicy policy;
    private final Ticker ticker;
    private final LoadingCache<Entry, SealingKey> cache;
    private final LockstreamMetrics metrics;
    /**
     * Keys whose refresh {@link #get} started because of their use, by reason; the rest are refreshed by age.
     * Weak (and identity: SealingKey keeps Object's equality), so a key retired meanwhile is not retained.
     */
    private final Map<SealingKey, Retirement> refreshedForUse = Collections.synchronizedMap(new WeakHashMap<>());

    SealingKeyCache(KeyService keys, DataKeyPolicy policy, Ticker ticker, Executor refresher) {
        this(keys, policy, ticker, refresher, LockstreamMetrics.noop());
    }

    SealingKeyCache(KeyService keys, DataKeyPolicy policy, Ticker ticker, Executor refresher,
                    LockstreamMetrics metrics) {
        this.keys = keys;
        this.policy = policy;
        this.ticker = ticker;
        this.metrics = metrics;
        this.cache = metrics.monitor(Caffeine.newBuilder()
                .recordStats()
                .expireAfterWrite(policy.maxAge())
                .refreshAfterWrite(Duration.ofNanos((long) (policy.maxAge().toNanos() * REFRESH_AT)))
                .ticker(ticker)
                .executor(refresher)
                .maximumSize(100_000)
                .removalListener((Entry e, SealingKey k, RemovalCause c) -> {
                    if (k != null) {
                        retired(k, c);
                        k.destroy();
                    }
                })
                .build(this::load), LockstreamMetrics.CACHE_SEALING_KEYS);
    }

    /**
     * Counts a retirement the cache made itself; explicit removals (a key change, an exhausted key) are
     * counted where they are made.
     */
    private void retired(SealingKey k, RemovalCause cause) {
        Retirement forUse = refreshedForUse.remove(k);
        switch (cause) {
            case EXPIRED -> metrics.dataKeyRetired(Retirement.AGE);
            case SIZE, COLLECTED -> metrics.dataKeyRetired(Retirement.EVICTED);
            // replaced by a refresh: ahead of its age, or because its messages or bytes neared the limit
            case REPLACED -> metrics.dataKeyRetired(forUse != null ? forUse : Retirement.AGE);
            default -> {
            }
        }
    }

    /** MESSAGES if {@code messages} exceed {@code share} of the limit, else BYTES. */
    private Retirement usageReason(long messages, double share) {
        return messages > policy.maxMessages() * share ? Retirement.MESSAGES : Retirement.BYTES;
    }

    /** Where the encryptor reports the events it sealed. */
    LockstreamMetrics metrics() {
        return metrics;
    }

    private SealingKey load(Entry e) {
        return new SealingKey(keys.generateDataKey(e.keyArn(), EncryptionContext.forLogGroup(e.groupArn())),
                ticker.read());
    }

    /** A key with room for {@code messages} more events of {@code bytes} bytes. */
    SealingKey get(String keyArn, String groupArn, int messages, long bytes) {
        Entry entry = new Entry(keyArn, groupArn);
        while (true) {
            SealingKey key = cache.get(entry);
            long usedMessages = key.messagesUsed() + messages;
            long usedBytes = key.bytesUsed() + bytes;
            if (usedMessages <= policy.maxMessages() && usedBytes <= policy.maxBytes()) {
                if (usedMessages > policy.maxMessages() * REFRESH_AT || usedBytes > policy.maxBytes() * REFRESH_AT) {
                    refreshedForUse.putIfAbsent(key, usageReason(usedMessages, REFRESH_AT));
                    cache.refresh(entry);
                }
                return key;
            }
            // Exhausted before a refresh completed: retire it now (the only case that waits on the KMS).
            if (cache.asMap().remove(entry, key)) {
                metrics.dataKeyRetired(usageReason(usedMessages, 1.0));
            }
        }
    }

    /** Retires every data key of {@code keyArn} (the key changed: state, policy). */
    void invalidateKey(String keyArn) {
        int[] removed = {0};
        cache.asMap().keySet().removeIf(e -> {
            boolean match = e.keyArn().equals(keyArn);
            if (match) {
                removed[0]++;
            }
            return match;
        });
        metrics.dataKeysRetired(Retirement.KEY_CHANGED, removed[0]);
    }
}
