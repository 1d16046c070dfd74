package io.lockstream.encryptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.metrics.LockstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Data-key retirements are counted by reason: age, messages, bytes, key change. */
class SealingKeyCacheMetricsTest {
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String GROUP = "arn:aws:logs:us-west-2:123456789012:log-group:g";
    private static final KeyService KEYS = new PassThroughKeys();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LockstreamMetrics metrics = new LockstreamMetrics(registry);
    private final AtomicLong now = new AtomicLong(1);
    private final DataKeyPolicy policy = new DataKeyPolicy(Duration.ofMinutes(10), 10_000, 1L << 30);
    private final SealingKeyCache cache = new SealingKeyCache(KEYS, policy, now::get, Runnable::run, metrics);

    private double retired(LockstreamMetrics.Retirement reason) {
        return registry.find(LockstreamMetrics.DATA_KEY_RETIREMENTS)
                .tag(LockstreamMetrics.TAG_REASON, reason.tag()).counter().count();
    }

    private void seal(int events) {
        EventBatch.Builder b = EventBatch.builder("s", 1, events);
        for (int i = 0; i < events; i++) {
            b.add(1, "m");
        }
        EventBatch batch = b.build();
        for (int attempt = 0; ; attempt++) { // as SealProcessor: a key retired meanwhile is asked for again
            SealingKey key = cache.get(KEY, GROUP, batch.size(), batch.messageBytes());
            try {
                SealedBatch.seal(batch, GROUP, 0, 0, key);
                return;
            } catch (IllegalStateException retiredMeanwhile) {
                assertThat(attempt).isLessThan(3);
            }
        }
    }

    @Test
    void nearing_the_message_limit_retires_for_messages() {
        seal(5_000);
        seal(4_000); // 9,000 of 10,000: refreshed ahead of the limit
        assertThat(retired(LockstreamMetrics.Retirement.MESSAGES)).isEqualTo(1);
        assertThat(retired(LockstreamMetrics.Retirement.AGE)).isZero();
    }

    @Test
    void age_retires_for_age() {
        seal(1);
        now.addAndGet(Duration.ofMinutes(9).toNanos()); // past 80 % of the age: refreshed on the next use
        seal(1);
        assertThat(retired(LockstreamMetrics.Retirement.AGE)).isEqualTo(1);
        assertThat(retired(LockstreamMetrics.Retirement.MESSAGES)).isZero();
    }

    @Test
    void a_key_change_retires_every_data_key_of_the_key() {
        seal(1);
        cache.get(KEY, GROUP + "2", 1, 1);
        cache.invalidateKey(KEY);
        assertThat(retired(LockstreamMetrics.Retirement.KEY_CHANGED)).isEqualTo(2);
    }

    @Test
    void the_cache_reports_hits_and_misses() {
        seal(1);
        seal(1);
        assertThat(registry.find("cache.gets").tags("cache", LockstreamMetrics.CACHE_SEALING_KEYS, "result", "hit")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.find("cache.gets").tags("cache", LockstreamMetrics.CACHE_SEALING_KEYS, "result", "miss")
                .functionCounter().count()).isEqualTo(1);
    }
}
