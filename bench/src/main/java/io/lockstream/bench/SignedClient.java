package io.lockstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockstream.common.auth.SignedRequest;
import io.lockstream.common.auth.SigV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal AWS JSON 1.1 client: java.net.http plus Lockstream's own SigV4 signer. Chosen over the AWS
 * SDK for the load generator because it shares the 2 cores with the server: no SDK marshalling layers,
 * one JSON body built by hand per PutLogEvents batch, one SHA-256 of it, one HMAC chain.
 */
final class SignedClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: HTTP status and parsed body (null if empty). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String errorType() {
            if (body == null || body.get("__type") == null) {
                return "HTTP " + status;
            }
            String t = body.get("__type").asText();
            return t.substring(t.indexOf('#') + 1);
        }
    }

    private final URI endpoint;
    private final String host;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final SigV4Signer signer = new SigV4Signer(Clock.systemUTC());
    private final HttpClient http;

    SignedClient(String endpoint, String region, String accessKey, String secretKey, int threads) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.host = this.endpoint.getHost() + (this.endpoint.getPort() > 0 ? ":" + this.endpoint.getPort() : "");
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, threads), r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    Answer logs(String op, byte[] body) throws IOException, InterruptedException {
        return call("logs", "Logs_20140328." + op, body);
    }

    Answer logs(String op, Map<String, Object> body) throws IOException, InterruptedException {
        return logs(op, JSON.writeValueAsBytes(body));
    }

    Answer kms(String op, Map<String, Object> body) throws IOException, InterruptedException {
        return call("kms", "TrentService." + op, JSON.writeValueAsBytes(body));
    }

    /** Fails unless the call succeeds. */
    JsonNode must(Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException(what + " failed: " + a.status() + " " + a.body());
        }
        return a.body();
    }

    private Answer call(String service, String target, byte[] body) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", target);
        SignedRequest signed = signer.sign(SignedRequest.of("POST", "/", "", headers, body), accessKey, secretKey,
                region, service);
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host")) {
                b.header(h.getKey(), h.getValue().get(0));
            }
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode parsed = r.body().length == 0 ? null : JSON.readTree(r.body());
        return new Answer(r.statusCode(), parsed);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
