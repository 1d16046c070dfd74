package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.auth.SigV4Signer;
import io.lockstream.common.auth.SignedRequest;
import io.lockstream.common.aws.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md invariant 8: bad requests get the AWS-shaped error ({@code __type}, {@code message}, the right
 * status), never a stack trace or a 500, and the service stays healthy. Sent raw, signed like the CLI.
 */
class BadRequestsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<Arguments> badRequests() {
        return List.of(
                Arguments.of("logs", "Logs_20140328.CreateLogGroup", "{not json", 400, "SerializationException"),
                Arguments.of("logs", "Logs_20140328.CreateLogGroup", "[1,2]", 400, "SerializationException"),
                Arguments.of("logs", "Logs_20140328.CreateLogGroup", "{}", 400, "InvalidParameterException"),
                Arguments.of("logs", "Logs_20140328.CreateLogGroup", "{\"logGroupName\": 7}", 400,
                        "SerializationException"),
                Arguments.of("logs", "Logs_20140328.CreateLogGroup", "{\"logGroupName\": \"bad name!\"}", 400,
                        "InvalidParameterException"),
                Arguments.of("logs", "Logs_20140328.CreateLogGroup",
                        "{\"logGroupName\": \"g\", \"kmsKeyId\": \"1234abcd-12ab-34cd-56ef-1234567890ab\"}", 400,
                        "InvalidParameterException"),
                Arguments.of("logs", "Logs_20140328.CreateLogStream",
                        "{\"logGroupName\": \"no-such-group-xyz\", \"logStreamName\": \"s\"}", 400,
                        "ResourceNotFoundException"),
                Arguments.of("logs", "Logs_20140328.PutLogEvents", "{\"logGroupName\": \"no-such-group-xyz\", "
                        + "\"logStreamName\": \"s\", \"logEvents\": [{\"timestamp\": 1, \"message\": \"m\"}]}", 400,
                        "ResourceNotFoundException"),
                Arguments.of("logs", "Logs_20140328.GetLogEvents",
                        "{\"logGroupName\": \"no-such-group-xyz\", \"logStreamName\": \"s\"}", 400,
                        "ResourceNotFoundException"),
                Arguments.of("logs", "Logs_20140328.AssociateKmsKey", "{\"logGroupName\": \"no-such-group-xyz\", "
                        + "\"kmsKeyId\": \"arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}",
                        400, "ResourceNotFoundException"),
                Arguments.of("logs", "Logs_20140328.DisassociateKmsKey", "{}", 400, "InvalidParameterException"),
                Arguments.of("logs", "Logs_20140328.DescribeLogGroups", "{\"limit\": 0}", 400,
                        "InvalidParameterException"),
                Arguments.of("logs", "Logs_20140328.NoSuchOperation", "{}", 400, "UnknownOperationException"),
                Arguments.of("logs", "NoSuchService.CreateLogGroup", "{}", 400, "UnknownOperationException"),
                Arguments.of("kms", "TrentService.DescribeKey", "{}", 400, "ValidationException"),
                Arguments.of("kms", "TrentService.DescribeKey", "{\"KeyId\": \"not-a-key\"}", 400, "NotFoundException"),
                Arguments.of("kms", "TrentService.DescribeKey",
                        "{\"KeyId\": \"1234abcd-12ab-34cd-56ef-1234567890ab\"}", 400, "NotFoundException"),
                Arguments.of("kms", "TrentService.Decrypt", "{\"CiphertextBlob\": \"AAAA\"}", 400,
                        "InvalidCiphertextException"),
                Arguments.of("kms", "TrentService.Decrypt", "{\"CiphertextBlob\": \"%%%\"}", 400,
                        "SerializationException"),
                Arguments.of("kms", "TrentService.PutKeyPolicy", "{\"KeyId\": \"x\"}", 400, "ValidationException"));
    }

    @ParameterizedTest(name = "{1} {2} -> {3} {4}")
    @MethodSource("badRequests")
    void bad_requests_get_aws_shaped_errors(String service, String target, String body, int status, String type)
            throws Exception {
        HttpResponse<String> r = send(service, target, body, "test", "test");
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode error = Json.parseObject(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(error.get("__type").asText()).isEqualTo(type);
        assertThat(error.has("message")).isTrue();
        assertThat(r.body()).doesNotContain("at io.lockstream", "Exception:", "\tat ");
        assertHealthy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void unauthenticated_requests_are_refused(String what, String accessKey, String secret, String type)
            throws Exception {
        HttpResponse<String> r = send("logs", "Logs_20140328.DescribeLogGroups", "{}", accessKey, secret);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(r.body().getBytes(StandardCharsets.UTF_8)).get("__type").asText()).isEqualTo(type);
    }

    static List<Arguments> badSignatures() {
        return List.of(Arguments.of("unknown access key", "nobody", "x", "UnrecognizedClientException"),
                Arguments.of("wrong secret", "test", "wrong", "InvalidSignatureException"),
                Arguments.of("no signature", null, null, "MissingAuthenticationTokenException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void oversized_bodies_are_refused_with_413(String what, int bytes) throws Exception {
        HttpResponse<String> r = send("logs", "Logs_20140328.PutLogEvents", "{\"x\":\"" + "a".repeat(bytes) + "\"}",
                "test", "test");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Json.parseObject(r.body().getBytes(StandardCharsets.UTF_8)).get("__type").asText())
                .isEqualTo("RequestEntityTooLargeException");
        assertHealthy();
    }

    static List<Arguments> oversized() {
        return List.of(Arguments.of("9 MiB", 9 * 1024 * 1024));
    }

    private static HttpResponse<String> send(String service, String target, String body, String accessKey,
                                             String secret) throws Exception {
        URI endpoint = TestLockstream.endpoint();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", endpoint.getHost() + ":" + endpoint.getPort());
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", target);
        SignedRequest req = SignedRequest.of("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8));
        if (accessKey != null) {
            req = new SigV4Signer(Clock.systemUTC()).sign(req, accessKey, secret, "us-west-2", service);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
        for (var h : req.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                for (String v : h.getValue()) {
                    b.header(h.getKey(), v);
                }
            }
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertHealthy() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(TestLockstream.endpoint().resolve("/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
