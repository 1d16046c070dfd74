package io.lockstream.query.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.auth.SigV4Signer;
import io.lockstream.common.auth.SignedRequest;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a read to the query instance that owns the log group's partition, signed with SigV4 as the logs
 * service principal (an internal identity; the original caller was verified by the instance forwarding).
 * Errors of the owner come back unchanged.
 */
public final class ReadForwarder {
    private static final String TARGET_PREFIX = "Logs_20140328.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SigV4Signer signer = new SigV4Signer(Clock.systemUTC());
    private final String region;
    private final String accessKeyId;
    private final String secretKey;

    public ReadForwarder(String region, String accessKeyId, String secretKey) {
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
    }

    JsonNode forward(HostInfo owner, String operation, ObjectNode body) {
        byte[] bytes = Json.bytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", owner.host() + ":" + owner.port());
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", TARGET_PREFIX + operation);
        SignedRequest signed = signer.sign(SignedRequest.of("POST", "/", "", headers, bytes), accessKeyId, secretKey,
                region, "logs");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + "/"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(owner);
        }
        ObjectNode response = Json.parseObject(r.body());
        if (r.statusCode() == 200) {
            return r.body().length == 0 ? null : response;
        }
        throw new AwsException(response.path("__type").asText("ServiceUnavailableException"),
                response.path("message").asText(""), r.statusCode());
    }

    private static AwsException unavailable(HostInfo owner) {
        return AwsException.serviceUnavailable("ServiceUnavailableException",
                "The query instance that owns this log group (" + owner.host() + ":" + owner.port()
                        + ") is unreachable; retry shortly.");
    }
}
