package io.lockstream.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lockstream.common.aws.AwsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2's own signer ({@code AwsV4HttpSigner}, SDK 2.59.1), carrying the
 * headers the SDK adds for AWS JSON 1.1 (platform.md §5): the verifier must accept them, and {@link SigV4Signer} must
 * produce the very same headers for the same input.
 */
class SdkSignerCompatibilityTest {

    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-12-03T16:12:36Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String BODY = "{\"logGroupName\":\"my-log-group\",\"kmsKeyId\":"
            + "\"arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}";

    private final SigV4Verifier verifier = new SigV4Verifier(StaticCredentialStore.of(new Credential(AKID, SECRET,
            Principal.accountRoot("123456789012"), List.of())), CLOCK);

    /** The request the SDK's CloudWatchLogsClient builds before signing (platform.md §5). */
    static SdkHttpRequest sdkRequest(String target, byte[] body) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:4566/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .putHeader("amz-sdk-invocation-id", "8c7ef1a2-5d0b-4a4e-9f43-0d7ad1d2c3b4")
                .putHeader("amz-sdk-request", "attempt=1; max=3")
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("User-Agent", "aws-sdk-java/2.59.1 md/io#sync md/http#UrlConnection api/CloudWatch_Logs#2.59.x")
                .build();
    }

    static SdkHttpRequest sdkSign(SdkHttpRequest request, byte[] body, AwsCredentialsIdentity identity,
                                  String service) {
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK))
                .request();
    }

    /** The SDK request as our server would receive it, plus the Connection header the HTTP client adds. */
    static SignedRequest received(SdkHttpRequest signed, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("Connection", List.of("keep-alive"));
        return new SignedRequest(signed.method().name(), signed.encodedPath().isEmpty() ? "/" : signed.encodedPath(),
                signed.encodedQueryParameters().orElse(""), headers, body);
    }

    @Test
    void sdkSignedLogsRequest_isVerified() {
        // Given
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = sdkSign(sdkRequest("Logs_20140328.CreateLogGroup", body), body,
                AwsCredentialsIdentity.create(AKID, SECRET), "logs");
        assertThat(signed.firstMatchingHeader("Authorization")).hasValueSatisfying(v -> assertThat(v)
                .contains("SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;"
                        + "x-amz-content-sha256;x-amz-date;x-amz-target,"));

        // When
        VerifiedCaller caller = verifier.verify(received(signed, body), "logs");

        // Then
        assertThat(caller.region()).isEqualTo("us-west-2");
        assertThat(caller.service()).isEqualTo("logs");
        assertThat(caller.principal()).isEqualTo(Principal.accountRoot("123456789012"));
    }

    @Test
    void sdkSignedKmsRequest_withSessionToken_isVerified() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = sdkSign(sdkRequest("TrentService.CreateKey", body), body,
                AwsSessionCredentialsIdentity.create(AKID, SECRET, "FwoGZXIvYXdzEXAMPLETOKEN"), "kms");
        assertThat(signed.firstMatchingHeader("Authorization")).hasValueSatisfying(v -> assertThat(v)
                .contains("x-amz-security-token"));

        assertThat(verifier.verify(received(signed, body), "kms").service()).isEqualTo("kms");
    }

    @Test
    void sdkSignedRequest_withTamperedBody_isRejected() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = sdkSign(sdkRequest("Logs_20140328.CreateLogGroup", body), body,
                AwsCredentialsIdentity.create(AKID, SECRET), "logs");
        SignedRequest tampered = received(signed, body).withBody("{\"logGroupName\":\"x\"}".getBytes(
                StandardCharsets.UTF_8));

        AwsException e = catchThrowableOfType(AwsException.class, () -> verifier.verify(tampered, "logs"));

        assertThat(e.type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void sigV4Signer_producesTheSameHeadersAsTheSdkSigner() {
        // Given the same request, credentials, scope and clock
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = sdkRequest("Logs_20140328.CreateLogGroup", body).toBuilder()
                .putHeader("Host", "127.0.0.1:4566").build();
        SdkHttpRequest bySdk = sdkSign(unsigned, body, AwsCredentialsIdentity.create(AKID, SECRET), "logs");

        // When
        SignedRequest ours = new SigV4Signer(CLOCK).sign(new SignedRequest("POST", "/", "", unsigned.headers(), body),
                AKID, SECRET, "us-west-2", "logs");

        // Then
        assertThat(ours.header("Authorization")).isEqualTo(bySdk.headers().get("Authorization"));
        assertThat(ours.header("X-Amz-Date")).isEqualTo(bySdk.headers().get("X-Amz-Date"));
        assertThat(ours.header("x-amz-content-sha256")).isEqualTo(bySdk.headers().get("x-amz-content-sha256"));
        assertThat(verifier.verify(ours, "logs").region()).isEqualTo("us-west-2");
    }

    @Test
    void sigV4Signer_withSessionToken_producesTheSameHeadersAsTheSdkSigner() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = sdkRequest("TrentService.CreateKey", body).toBuilder()
                .putHeader("Host", "127.0.0.1:4566").build();
        SdkHttpRequest bySdk = sdkSign(unsigned, body,
                AwsSessionCredentialsIdentity.create(AKID, SECRET, "FwoGZXIvYXdzEXAMPLETOKEN"), "kms");

        SignedRequest ours = new SigV4Signer(CLOCK).sign(new SignedRequest("POST", "/", "", unsigned.headers(), body),
                AKID, SECRET, "FwoGZXIvYXdzEXAMPLETOKEN", "us-west-2", "kms");

        assertThat(ours.header("Authorization")).isEqualTo(bySdk.headers().get("Authorization"));
        assertThat(ours.header("X-Amz-Security-Token")).containsExactly("FwoGZXIvYXdzEXAMPLETOKEN");
        assertThat(verifier.verify(ours, "kms").service()).isEqualTo("kms");
    }
}
