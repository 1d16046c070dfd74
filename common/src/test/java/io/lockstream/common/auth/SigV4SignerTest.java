package io.lockstream.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SigV4Signer} beyond the SDK comparison in {@link SdkSignerCompatibilityTest}. */
class SigV4SignerTest {

    static final Instant NOW = Instant.parse("2026-12-03T16:12:36Z");
    static final Credential BOB = new Credential("AKIDBOB", "bob-secret", Principal.accountRoot("123456789012"),
            List.of());

    private final SigV4Signer signer = new SigV4Signer(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SigV4Verifier verifier =
            new SigV4Verifier(StaticCredentialStore.of(BOB), Clock.fixed(NOW, ZoneOffset.UTC));

    static SignedRequest request() {
        return SignedRequest.of("POST", "/", "", Map.of("Host", "kms.internal:8443",
                "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "TrentService.Decrypt",
                "User-Agent", "lockstream", "Connection", "keep-alive"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sign_skipsTheHeadersTheSdkNeverSigns_andSortsTheRest() {
        // JSDK V4CanonicalRequest: connection, x-amzn-trace-id, user-agent and expect are never signed.
        SignedRequest signed = signer.sign(request(), "AKIDBOB", "bob-secret", "us-west-2", "kms");

        assertThat(signed.firstHeader("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "AWS4-HMAC-SHA256 Credential=AKIDBOB/20261203/us-west-2/kms/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature="));
        assertThat(signed.firstHeader("X-Amz-Date")).hasValue("20261203T161236Z");
        assertThat(verifier.verify(signed, "kms").credential()).isEqualTo(BOB);
    }

    @Test
    void sign_replacesAStaleAuthorizationAndDate() {
        SignedRequest stale = request().withHeader("authorization", "AWS4-HMAC-SHA256 old")
                .withHeader("x-amz-date", "20200101T000000Z");

        SignedRequest signed = signer.sign(stale, "AKIDBOB", "bob-secret", "us-west-2", "kms");

        assertThat(signed.header("Authorization")).hasSize(1);
        assertThat(signed.header("X-Amz-Date")).containsExactly("20261203T161236Z");
        assertThat(verifier.verify(signed, "kms").region()).isEqualTo("us-west-2");
    }

    @Test
    void sign_withoutHost_isRefused() {
        assertThatThrownBy(() -> signer.sign(request().withoutHeader("host"), "AKIDBOB", "bob-secret", "us-west-2",
                "kms")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host");
    }
}
