package io.lockstream.encryptor;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.kms.KeyService;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Data keys on the encrypt side, one per (KMS key, log group) and never shared between groups, retired by
 * the {@link DataKeyPolicy}. A key is replaced ahead of its limits, in the background: at 80 % of its age,
 * messages or bytes a new data key is generated while the old one keeps sealing, so sealing waits on the
 * KMS only for a group's first batch or after a key change. Concurrent misses share one KMS call; retired
 * keys are destroyed.
 */
final class SealingKeyCache {
    private static final double REFRESH_AT = 0.8;

    private record Entry(String keyArn, String groupArn) {
    }

    private final KeyService keys;
    private final DataKeyPolicy policy;
    private final Ticker ticker;
    private final LoadingCache<Entry, SealingKey> cache;

    SealingKeyCache(KeyService keys, DataKeyPolicy policy, Ticker ticker, Executor refresher) {
        this.keys = keys;
        this.policy = policy;
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(policy.maxAge())
                .refreshAfterWrite(Duration.ofNanos((long) (policy.maxAge().toNanos() * REFRESH_AT)))
                .ticker(ticker)
                .executor(refresher)
                .maximumSize(100_000)
                .removalListener((Entry e, SealingKey k, RemovalCause c) -> {
                    if (k != null) {
                        k.destroy();
                    }
                })
                .build(this::load);
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
                    cache.refresh(entry);
                }
                return key;
            }
            // Exhausted before a refresh completed: retire it now (the only case that waits on the KMS).
            cache.asMap().remove(entry, key);
        }
    }

    /** Retires every data key of {@code keyArn} (the key changed: state, policy). */
    void invalidateKey(String keyArn) {
        cache.asMap().keySet().removeIf(e -> e.keyArn().equals(keyArn));
    }
}
