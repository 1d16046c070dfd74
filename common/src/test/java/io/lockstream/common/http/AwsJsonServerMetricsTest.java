package io.lockstream.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.metrics.LockstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests are counted by served service, operation and outcome; {@code GET /metrics} needs no signature. */
class AwsJsonServerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpClient client = HttpClient.newHttpClient();
    private AwsJsonServer server;

    @BeforeEach
    void start() throws Exception {
        Authenticator auth = (method, path, query, headers, body, signingName) -> {
            if (headers.containsKey("X-Bad-Signature")) {
                throw new AwsException("InvalidSignatureException", "The signature does not match.", 400);
            }
            return Principal.accountRoot("123456789012");
        };
        server = new AwsJsonServer("127.0.0.1", 0,
                List.of(new ServiceApi("Logs_20140328", "logs", "InvalidParameterException",
                        Map.of("DescribeLogGroups", call -> null))),
                auth, () -> true, new LockstreamMetrics(registry));
        server.serveMetrics("text/plain", () -> "# metrics\n");
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int post(String target, boolean badSignature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("X-Amz-Target", target).POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (badSignature) {
            b.header("X-Bad-Signature", "1");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private double count(String service, String operation, String outcome) {
        var c = registry.find(LockstreamMetrics.HTTP_REQUESTS).tags(LockstreamMetrics.TAG_SERVICE, service,
                LockstreamMetrics.TAG_OPERATION, operation, LockstreamMetrics.TAG_OUTCOME, outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void counts_requests_by_service_operation_and_outcome() throws Exception {
        assertThat(post("Logs_20140328.DescribeLogGroups", false)).isEqualTo(200);
        assertThat(post("Logs_20140328.DescribeLogGroups", true)).isEqualTo(400);
        assertThat(post("Logs_20140328.MyOwnGroupName", false)).isEqualTo(400);
        assertThat(count("logs", "DescribeLogGroups", "ok")).isEqualTo(1);
        assertThat(count("logs", "DescribeLogGroups", "InvalidSignatureException")).isEqualTo(1);
        assertThat(count("unknown", "unknown", "UnknownOperationException"))
                .as("a caller-chosen operation name is never a tag").isEqualTo(1);
    }

    @Test
    void metrics_are_served_without_a_signature() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.body()).isEqualTo("# metrics\n");
    }
}
