package io.lockstream.encryptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.kms.KeyService;

/**
 * Data keys on the encrypt side, one per (KMS key, log group) and never shared between groups, retired by
 * the {@link DataKeyPolicy}. Concurrent misses for one entry share one KMS call; retired keys are destroyed.
 */
final class SealingKeyCache {
    private record Entry(String keyArn, String groupArn) {
    }

    private final KeyService keys;
    private final DataKeyPolicy policy;
    private final Ticker ticker;
    private final Cache<Entry, SealingKey> cache;

    SealingKeyCache(KeyService keys, DataKeyPolicy policy, Ticker ticker) {
        this.keys = keys;
        this.policy = policy;
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(policy.maxAge())
                .ticker(ticker)
                .maximumSize(100_000)
                .removalListener((Entry e, SealingKey k, RemovalCause c) -> {
                    if (k != null) {
                        k.destroy();
                    }
                })
                .build();
    }

    /** A key with room for {@code messages} more events of {@code bytes} bytes. */
    SealingKey get(String keyArn, String groupArn, int messages, long bytes) {
        Entry entry = new Entry(keyArn, groupArn);
        while (true) {
            SealingKey key = cache.get(entry, e -> new SealingKey(
                    keys.generateDataKey(e.keyArn(), EncryptionContext.forLogGroup(e.groupArn())), ticker.read()));
            if (key.messagesUsed() + messages <= policy.maxMessages() && key.bytesUsed() + bytes <= policy.maxBytes()) {
                return key;
            }
            cache.asMap().remove(entry, key);
        }
    }

    /** Retires every data key of {@code keyArn} (the key changed: state, policy). */
    void invalidateKey(String keyArn) {
        cache.asMap().keySet().removeIf(e -> e.keyArn().equals(keyArn));
    }
}
