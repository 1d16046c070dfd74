package io.lockstream.common.kms;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The decrypt-side cache's contract: one KMS call per data key, key changes drop cached keys at once, and
 * a lookup that was in flight when the key changed is not trusted. The key service here only counts and
 * paces calls; the KMS itself is tested against the real implementations (KeyService contract ITs).
 */
class DecryptKeyCacheTest {
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final Map<String, String> CONTEXT = EncryptionContext.forLogGroup("arn:aws:logs:us-west-2:1:log-group:g");

    /** Counts Decrypt calls; optionally holds one call until released. */
    private static final class CountingKeys implements KeyService {
        final AtomicInteger decrypts = new AtomicInteger();
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        @Override
        public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DataKey decryptDataKey(String keyId, byte[] blob, Map<String, String> encryptionContext) {
            decrypts.incrementAndGet();
            CountDownLatch held = release; // read once: the test clears it right after releasing
            if (held != null) {
                entered.countDown();
                try {
                    held.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new DataKey(new byte[32], blob, keyId);
        }

        @Override
        public KeyDescription describeKey(String keyId) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void one_kms_call_per_data_key() {
        CountingKeys keys = new CountingKeys();
        DecryptKeyCache cache = new DecryptKeyCache(keys, Duration.ofMinutes(5), 100, Ticker.systemTicker());
        for (int i = 0; i < 10; i++) {
            cache.get(KEY, new byte[] {1, 2, 3}, CONTEXT);
        }
        assertThat(keys.decrypts).hasValue(1);
    }

    @Test
    void invalidating_a_key_makes_the_next_read_ask_the_kms_and_destroys_the_cached_key() {
        CountingKeys keys = new CountingKeys();
        DecryptKeyCache cache = new DecryptKeyCache(keys, Duration.ofMinutes(5), 100, Ticker.systemTicker());
        DataKey first = cache.get(KEY, new byte[] {1}, CONTEXT);
        cache.invalidateKey(KEY);
        DataKey second = cache.get(KEY, new byte[] {1}, CONTEXT);
        assertThat(keys.decrypts).hasValue(2);
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void a_lookup_in_flight_during_a_key_change_is_not_cached() throws Exception {
        CountingKeys keys = new CountingKeys();
        DecryptKeyCache cache = new DecryptKeyCache(keys, Duration.ofMinutes(5), 100, Ticker.systemTicker());
        keys.entered = new CountDownLatch(1);
        keys.release = new CountDownLatch(1);
        CompletableFuture<DataKey> inFlight = CompletableFuture.supplyAsync(() -> cache.get(KEY, new byte[] {7}, CONTEXT));
        assertThat(keys.entered.await(5, TimeUnit.SECONDS)).isTrue();
        cache.invalidateKey(KEY);
        keys.release.countDown();
        keys.release = null;
        inFlight.get(5, TimeUnit.SECONDS);
        assertThat(keys.decrypts).as("the stale load is asked again").hasValue(2);
        cache.get(KEY, new byte[] {7}, CONTEXT);
        assertThat(keys.decrypts).as("the fresh load is cached").hasValue(2);
    }

    @Test
    void entries_expire_by_creation_time() {
        CountingKeys keys = new CountingKeys();
        AtomicLong now = new AtomicLong();
        DecryptKeyCache cache = new DecryptKeyCache(keys, Duration.ofSeconds(10), 100, now::get);
        cache.get(KEY, new byte[] {1}, CONTEXT);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.get(KEY, new byte[] {1}, CONTEXT);
        assertThat(keys.decrypts).hasValue(2);
    }
}
