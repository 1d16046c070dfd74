package io.lockstream.common.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Lockstream's whole metric vocabulary: every meter name, tag key and fixed tag value is a constant here,
 * and every meter is registered through a method of this class, so the set of series stays small and stable.
 *
 * <p>Names are Micrometer names; a Prometheus registry renders them as in each constant's comment
 * ({@code lockstream.kms.calls} becomes {@code lockstream_kms_calls_total}). Tags are low-cardinality by
 * construction: operations and services come from fixed sets, outcomes are {@code ok} or an AWS error type
 * (checked against {@link #OUTCOME_PATTERN}), cache names and retirement reasons are constants. A log group
 * name or ARN, a key ARN, an access key or any secret is never a tag.
 *
 * <p>Injected, never global: each {@code Lockstream} process creates one registry and passes this wrapper
 * to its services; {@link #noop()} serves code (and tests) that do not care.
 */
public final class LockstreamMetrics {
    /** {@code lockstream_events_ingested_total}: events accepted by PutLogEvents and written to Kafka. */
    public static final String EVENTS_INGESTED = "lockstream.events.ingested";
    /** {@code lockstream_events_sealed_total}: events the encryptor sealed under a log group's data key. */
    public static final String EVENTS_SEALED = "lockstream.events.sealed";
    /** {@code lockstream_events_opened_total}: events decrypted on read. */
    public static final String EVENTS_OPENED = "lockstream.events.opened";
    /** {@code lockstream_kms_calls_total{operation,outcome}}: calls the pipeline made to the key service. */
    public static final String KMS_CALLS = "lockstream.kms.calls";
    /** {@code lockstream_kms_call_duration_seconds{operation,outcome}}: their latency. */
    public static final String KMS_CALL_DURATION = "lockstream.kms.call.duration";
    /** {@code lockstream_data_key_retirements_total{reason}}: encrypt-side data keys retired. */
    public static final String DATA_KEY_RETIREMENTS = "lockstream.data.key.retirements";
    /**
     * {@code lockstream_revocation_lag_seconds}: from a key change being written to {@code kms.keys} (record
     * timestamp) to this process having dropped every cached data key and verdict of that key.
     */
    public static final String REVOCATION_LAG = "lockstream.revocation.lag";
    /**
     * {@code lockstream_http_requests_total{service,operation,outcome}}: API requests; outcome is {@code ok} or
     * the {@code __type} answered, so authentication failures appear by type.
     */
    public static final String HTTP_REQUESTS = "lockstream.http.requests";
    /** {@code lockstream_ready}: 1 when every Streams application of the process runs (as {@code GET /health}). */
    public static final String READY = "lockstream.ready";

    /** Every meter name above; Micrometer's own cache meters ({@code cache.*}) come in addition. */
    public static final List<String> METER_NAMES = List.of(EVENTS_INGESTED, EVENTS_SEALED, EVENTS_OPENED, KMS_CALLS,
            KMS_CALL_DURATION, DATA_KEY_RETIREMENTS, REVOCATION_LAG, HTTP_REQUESTS, READY);

    public static final String TAG_OPERATION = "operation";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_SERVICE = "service";
    public static final String TAG_REASON = "reason";
    /** The tag Micrometer's {@link CaffeineCacheMetrics} puts on {@code cache_gets_total} and friends. */
    public static final String TAG_CACHE = "cache";

    public static final String OUTCOME_OK = "ok";
    /** Outcome of a failure that is not an AWS error (a bug, a network error of the SDK). */
    public static final String OUTCOME_INTERNAL = "InternalFailure";
    /** Service or operation of a request that named none this endpoint serves. */
    public static final String UNKNOWN = "unknown";
    /** An outcome must look like an AWS error type; anything else is reported as {@link #OUTCOME_INTERNAL}. */
    public static final Pattern OUTCOME_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    public static final String KMS_GENERATE_DATA_KEY = "GenerateDataKey";
    public static final String KMS_DECRYPT = "Decrypt";
    public static final String KMS_DESCRIBE_KEY = "DescribeKey";

    /** Read side (query): decrypted data keys. */
    public static final String CACHE_QUERY_DATA_KEYS = "query_data_keys";
    /** Encryptor: sealing (encrypt-side) data keys, one per key and log group. */
    public static final String CACHE_SEALING_KEYS = "encryptor_sealing_keys";
    /** Encryptor: decrypted transit data keys. */
    public static final String CACHE_TRANSIT_DATA_KEYS = "encryptor_transit_keys";
    /** Ingest: transit sealing keys of the default key, one per log group. */
    public static final String CACHE_INGEST_TRANSIT_KEYS = "ingest_transit_keys";
    /** Ingest: verdicts whether a group's customer managed key is usable now. */
    public static final String CACHE_KEY_GATE = "ingest_key_gate";

    /** Why an encrypt-side data key was retired ({@code reason} tag). */
    public enum Retirement {
        /** Reached the data key's maximum age (refreshed ahead of it, or expired). */
        AGE,
        /** Sealed (nearly) the maximum number of events. */
        MESSAGES,
        /** Sealed (nearly) the maximum number of plaintext bytes. */
        BYTES,
        /** Its KMS key changed (state, policy, deletion). */
        KEY_CHANGED,
        /** Pushed out by the cache's size bound. */
        EVICTED;

        /** The tag value: the lower-case name. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter eventsIngested;
    private final Counter eventsSealed;
    private final Counter eventsOpened;
    private final Timer revocationLag;

    public LockstreamMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.eventsIngested = Counter.builder(EVENTS_INGESTED).description("log events accepted by PutLogEvents")
                .register(registry);
        this.eventsSealed = Counter.builder(EVENTS_SEALED).description("log events sealed by the encryptor")
                .register(registry);
        this.eventsOpened = Counter.builder(EVENTS_OPENED).description("log events decrypted on read")
                .register(registry);
        this.revocationLag = Timer.builder(REVOCATION_LAG)
                .description("from a key change written to kms.keys to this process having invalidated its caches")
                .register(registry);
        for (Retirement r : Retirement.values()) {
            retirementCounter(r);
        }
    }

    /** Metrics that go nowhere: a registry without any backend. */
    public static LockstreamMetrics noop() {
        return new LockstreamMetrics(new CompositeMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void eventsIngested(int n) {
        eventsIngested.increment(n);
    }

    public void eventsSealed(int n) {
        eventsSealed.increment(n);
    }

    public void eventsOpened(int n) {
        eventsOpened.increment(n);
    }

    /**
     * One call to the key service.
     *
     * @param operation one of {@link #KMS_GENERATE_DATA_KEY}, {@link #KMS_DECRYPT}, {@link #KMS_DESCRIBE_KEY}
     * @param outcome {@link #OUTCOME_OK} or the AWS error type
     */
    public void kmsCall(String operation, String outcome, long nanos) {
        String o = outcome(outcome);
        Counter.builder(KMS_CALLS).description("calls of the pipeline to the key service")
                .tag(TAG_OPERATION, operation).tag(TAG_OUTCOME, o).register(registry).increment();
        Timer.builder(KMS_CALL_DURATION).description("latency of calls of the pipeline to the key service")
                .tag(TAG_OPERATION, operation).tag(TAG_OUTCOME, o).register(registry)
                .record(Duration.ofNanos(Math.max(0, nanos)));
    }

    /** Calls made to the key service so far, all operations and outcomes. */
    public long kmsCalls() {
        return (long) registry.find(KMS_CALLS).counters().stream().mapToDouble(Counter::count).sum();
    }

    public void dataKeyRetired(Retirement reason) {
        retirementCounter(reason).increment();
    }

    public void dataKeysRetired(Retirement reason, int n) {
        if (n > 0) {
            retirementCounter(reason).increment(n);
        }
    }

    private Counter retirementCounter(Retirement reason) {
        return Counter.builder(DATA_KEY_RETIREMENTS).description("encrypt-side data keys retired, by reason")
                .tag(TAG_REASON, reason.tag()).register(registry);
    }

    /** The time from a key change being written (record timestamp) to this process having acted on it. */
    public void revocationLag(Duration lag) {
        revocationLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /**
     * One API request.
     *
     * @param service the signing name of a served API ({@code logs}, {@code kms}) or {@link #UNKNOWN}
     * @param operation an operation that API serves, or {@link #UNKNOWN}
     * @param outcome {@link #OUTCOME_OK} or the {@code __type} answered
     */
    public void httpRequest(String service, String operation, String outcome) {
        Counter.builder(HTTP_REQUESTS).description("API requests by service, operation and outcome")
                .tag(TAG_SERVICE, service).tag(TAG_OPERATION, operation).tag(TAG_OUTCOME, outcome(outcome))
                .register(registry).increment();
    }

    /**
     * Hit, miss, load and eviction counts of {@code cache} (built with {@code recordStats()}), tagged
     * {@code cache=name}; {@code name} is one of the {@code CACHE_*} constants.
     */
    public <K, V, C extends Cache<K, V>> C monitor(C cache, String name) {
        return CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** {@link #READY} as 1 or 0. */
    public void readiness(BooleanSupplier ready) {
        Gauge.builder(READY, ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when every Streams application of this process is running")
                .strongReference(true) // the supplier is often a method reference nobody else holds
                .register(registry);
    }

    /** {@code outcome} if it looks like an AWS error type (or is {@code ok}), else {@link #OUTCOME_INTERNAL}. */
    static String outcome(String outcome) {
        if (OUTCOME_OK.equals(outcome)) {
            return OUTCOME_OK;
        }
        return outcome != null && OUTCOME_PATTERN.matcher(outcome).matches() ? outcome : OUTCOME_INTERNAL;
    }
}
