package io.lockstream.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The vocabulary: a fixed set of names, bounded tag values, and the no-op default. */
class LockstreamMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LockstreamMetrics metrics = new LockstreamMetrics(registry);

    @Test
    void every_meter_registered_is_named_in_the_vocabulary() {
        assertThat(LockstreamMetrics.METER_NAMES).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("lockstream(\\.[a-z]+)+"));
        metrics.eventsIngested(3);
        metrics.eventsSealed(3);
        metrics.eventsOpened(3);
        metrics.kmsCall(LockstreamMetrics.KMS_DECRYPT, LockstreamMetrics.OUTCOME_OK, 1_000);
        metrics.httpRequest("logs", "PutLogEvents", LockstreamMetrics.OUTCOME_OK);
        metrics.revocationLag(Duration.ofMillis(20));
        metrics.dataKeyRetired(LockstreamMetrics.Retirement.AGE);
        metrics.readiness(() -> true);
        Set<String> registered = registry.getMeters().stream().map(m -> m.getId().getName())
                .collect(Collectors.toSet());
        assertThat(registered).containsExactlyInAnyOrderElementsOf(LockstreamMetrics.METER_NAMES);
    }

    @Test
    void outcomes_are_ok_or_an_aws_error_type() {
        metrics.httpRequest("kms", "Decrypt", "InvalidSignatureException");
        metrics.httpRequest("kms", "Decrypt", "arn:aws:kms:us-west-2:123456789012:key/x");
        metrics.httpRequest("kms", "Decrypt", null);
        assertThat(registry.find(LockstreamMetrics.HTTP_REQUESTS).counters())
                .extracting(c -> c.getId().getTag(LockstreamMetrics.TAG_OUTCOME))
                .containsExactlyInAnyOrder("InvalidSignatureException", LockstreamMetrics.OUTCOME_INTERNAL);
    }

    @Test
    void retirement_reasons_are_registered_up_front_in_lower_case() {
        assertThat(registry.find(LockstreamMetrics.DATA_KEY_RETIREMENTS).counters())
                .extracting(c -> c.getId().getTag(LockstreamMetrics.TAG_REASON))
                .containsExactlyInAnyOrder("age", "messages", "bytes", "key_changed", "evicted");
    }

    @Test
    void negative_revocation_lag_from_clock_skew_counts_as_zero() {
        metrics.revocationLag(Duration.ofMillis(-5));
        var timer = registry.find(LockstreamMetrics.REVOCATION_LAG).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void caches_report_hits_and_misses_by_name() {
        Cache<String, String> cache = metrics.monitor(Caffeine.newBuilder().recordStats().<String, String>build(),
                LockstreamMetrics.CACHE_QUERY_DATA_KEYS);
        cache.get("a", k -> "1");
        cache.get("a", k -> "1");
        cache.get("a", k -> "1");
        Meter.Id hit = registry.find("cache.gets").tag(LockstreamMetrics.TAG_CACHE, "query_data_keys")
                .tag("result", "hit").functionCounter().getId();
        assertThat(registry.find("cache.gets").tags("cache", "query_data_keys", "result", "hit").functionCounter()
                .count()).isEqualTo(2);
        assertThat(registry.find("cache.gets").tags("cache", "query_data_keys", "result", "miss").functionCounter()
                .count()).isEqualTo(1);
        assertThat(hit.getName()).isEqualTo("cache.gets");
    }

    @Test
    void readiness_survives_garbage_collection_of_the_supplier() {
        metrics.readiness(() -> true);
        System.gc();
        assertThat(registry.find(LockstreamMetrics.READY).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void noop_accepts_everything() {
        LockstreamMetrics noop = LockstreamMetrics.noop();
        noop.eventsSealed(1);
        noop.kmsCall(LockstreamMetrics.KMS_DECRYPT, "ok", 1);
        assertThat(noop.kmsCalls()).isZero();
    }
}
