package io.lockstream.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.time.Duration;

/**
 * Per-group data keys of the service's default key, used to seal batches for their short trip through
 * {@code logs.events} to the encryptor (so no plaintext event ever reaches Kafka). One data key per log
 * group, never shared; retired after 10 minutes or 2^20 batches; concurrent misses share one KMS call.
 */
final class TransitKeys {
    private static final long MAX_BATCHES_PER_KEY = 1L << 20;

    private final KeyService keys;
    private final String defaultKeyArn;
    private final Cache<String, SealingKey> cache;

    TransitKeys(KeyService keys, String defaultKeyArn, LockstreamMetrics metrics) {
        this.keys = keys;
        this.defaultKeyArn = defaultKeyArn;
        this.cache = metrics.monitor(Caffeine.newBuilder()
                .recordStats()
                .expireAfterWrite(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .removalListener((String group, SealingKey key, RemovalCause cause) -> {
                    if (key != null) {
                        key.destroy();
                    }
                })
                .<String, SealingKey>build(), LockstreamMetrics.CACHE_INGEST_TRANSIT_KEYS);
    }

    /** Seals {@code batch} for transit, bound to the group's encryption context. */
    byte[] seal(EventBatch batch, String groupArn) {
        for (int attempt = 0; ; attempt++) {
            SealingKey key = cache.get(groupArn, g -> new SealingKey(
                    keys.generateDataKey(defaultKeyArn, EncryptionContext.forLogGroup(g)), System.nanoTime()));
            if (key.messagesUsed() >= MAX_BATCHES_PER_KEY) {
                cache.asMap().remove(groupArn, key);
                continue;
            }
            try {
                return TransitRecord.sealBatch(batch, groupArn, key);
            } catch (IllegalStateException destroyedMeanwhile) {
                if (attempt > 2) {
                    throw destroyedMeanwhile;
                }
                cache.asMap().remove(groupArn, key);
            }
        }
    }
}
