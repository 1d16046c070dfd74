package io.lockstream.server.it;

import static io.lockstream.server.it.LogsAssert.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code GET /metrics} of the shared server: the pipeline's counters move with a put, a read, a refused
 * signature and a disabled key, and the text names no log group, key or secret.
 */
class MetricsIT {
    private static CloudWatchLogsClient logs;
    private static KmsClient kms;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void clients() {
        logs = TestLockstream.logs();
        kms = TestLockstream.kms();
    }

    @AfterAll
    static void close() {
        logs.close();
        kms.close();
    }

    @Test
    void counters_move_and_name_no_group_key_or_secret() throws Exception {
        String g = TestLockstream.uniqueName("metrics-group");
        String key = kms.createKey(b -> b.description("metrics it")).keyMetadata().arn();
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.forAccount()));
        logs.createLogGroup(b -> b.logGroupName(g).kmsKeyId(key));
        logs.createLogStream(b -> b.logGroupName(g).logStreamName("s"));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(System.currentTimeMillis(), "metric-secret-1", "metric-secret-2", "metric-secret-3")));
        await().atMost(Duration.ofSeconds(20)).ignoreException(CloudWatchLogsException.class)
                .untilAsserted(() -> assertThat(read(g)).hasSize(3));
        read(g); // a second read: its data key comes from the cache

        try (CloudWatchLogsClient wrongSecret = TestLockstream.logs("test", "wrong")) {
            assertThatThrownBy(wrongSecret::describeLogGroups).isInstanceOf(CloudWatchLogsException.class)
                    .satisfies(e -> assertThat(((CloudWatchLogsException) e).awsErrorDetails().errorCode())
                            .isEqualTo("InvalidSignatureException"));
        }

        Metrics before = scrape();
        assertThat(before.sum("lockstream_events_ingested_total")).isGreaterThanOrEqualTo(3);
        assertThat(before.sum("lockstream_events_sealed_total")).isGreaterThanOrEqualTo(3);
        assertThat(before.sum("lockstream_events_opened_total")).isGreaterThanOrEqualTo(6);
        assertThat(before.sum("lockstream_kms_calls_total", "outcome=\"ok\"")).isPositive();
        assertThat(before.sum("lockstream_kms_calls_total", "operation=\"GenerateDataKey\"", "outcome=\"ok\""))
                .isPositive();
        assertThat(before.sum("lockstream_kms_call_duration_seconds_count", "operation=\"Decrypt\"")).isPositive();
        assertThat(before.sum("lockstream_http_requests_total", "service=\"logs\"",
                "operation=\"DescribeLogGroups\"", "outcome=\"InvalidSignatureException\"")).isGreaterThanOrEqualTo(1);
        assertThat(before.sum("lockstream_http_requests_total", "operation=\"PutLogEvents\"", "outcome=\"ok\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(before.sum("cache_gets_total", "cache=\"query_data_keys\"", "result=\"hit\"")).isPositive();
        assertThat(before.sum("cache_gets_total", "cache=\"encryptor_sealing_keys\"")).isPositive();
        assertThat(before.sum("cache_gets_total", "cache=\"ingest_key_gate\"")).isPositive();
        assertThat(before.sum("lockstream_ready")).isEqualTo(1);

        kms.disableKey(b -> b.keyId(key));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                scrape().sum("lockstream_revocation_lag_seconds_count"))
                .isGreaterThan(before.sum("lockstream_revocation_lag_seconds_count")));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThatThrownBy(() -> read(g)).isInstanceOf(CloudWatchLogsException.class));

        Metrics after = scrape();
        after.text().lines().filter(l -> l.startsWith("lockstream_")).forEach(l -> System.out.println("metric: " + l));
        assertThat(after.sum("lockstream_revocation_lag_seconds_count")).isPositive();
        assertThat(after.sum("lockstream_revocation_lag_seconds_max")).isLessThan(5.0);
        assertThat(after.sum("lockstream_data_key_retirements_total", "reason=\"key_changed\"")).isPositive();
        assertThat(after.sum("lockstream_kms_calls_total", "operation=\"Decrypt\"", "outcome=\"DisabledException\""))
                .isPositive();
        assertThat(after.sum("lockstream_http_requests_total", "operation=\"GetLogEvents\"",
                "outcome=\"AccessDeniedException\"")).isPositive();

        String keyId = key.substring(key.lastIndexOf('/') + 1);
        assertThat(after.text()).doesNotContain(g, key, keyId, "metric-secret", "arn:aws", "log-group:",
                TestLockstream.LOGS_SECRET, "alice-secret", "keyadmin-secret");
        kms.enableKey(b -> b.keyId(key));
    }

    private static List<String> read(String g) {
        return logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").startFromHead(true)).events().stream()
                .map(OutputLogEvent::message).collect(Collectors.toList());
    }

    private static Metrics scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestLockstream.endpoint() + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return new Metrics(r.body());
    }

    /** The Prometheus text format, read just enough to sum series. */
    record Metrics(String text) {
        /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given. */
        double sum(String name, String... labels) {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String series = line.substring(0, brace >= 0 ? brace : space);
                if (!series.equals(name)) {
                    continue;
                }
                String labelText = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
                boolean all = true;
                for (String l : labels) {
                    all &= labelText.contains(l);
                }
                if (all) {
                    sum += Double.parseDouble(line.substring(space + 1));
                }
            }
            return sum;
        }
    }
}
