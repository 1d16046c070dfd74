package io.lockstream.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types: case-insensitive headers, immutability, and no secret in any {@code toString}. */
class AuthTypesTest {

    static final Credential CAROL = new Credential("AKIDCAROL", "carol-secret", Principal.accountRoot("123456789012"),
            List.of("{}"));

    @Test
    void signedRequest_headersAreCaseInsensitiveAndMergedAcrossCases() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Target", List.of("a"));
        headers.put("x-amz-target", List.of("b"));

        SignedRequest request = new SignedRequest("POST", "/", null, headers, null);

        assertThat(request.header("X-AMZ-TARGET")).containsExactly("a", "b");
        assertThat(request.headers()).containsOnlyKeys("X-Amz-Target");
        assertThat(request.rawQuery()).isEmpty();
        assertThat(request.bodyLength()).isZero();
    }

    @Test
    void signedRequest_isImmutable_andEqualByContent() {
        List<String> values = new ArrayList<>(List.of("v"));
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("H", values));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest("POST", "/", "", headers, body);

        values.add("w");
        body[0] = 'x';
        request.body()[1] = 'y';

        assertThat(request.header("h")).containsExactly("v");
        assertThat(request.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(request).isEqualTo(new SignedRequest("POST", "/", "", Map.of("h", List.of("v")),
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> request.headers().put("X", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void signedRequest_toString_showsNoHeaderValuesOrBody() {
        SignedRequest request = SignedRequest.of("POST", "/", "", Map.of("Authorization", "AWS4-HMAC-SHA256 secret"),
                "{\"message\":\"private\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(request.toString()).doesNotContain("AWS4-HMAC-SHA256").doesNotContain("private");
    }

    @Test
    void credential_toString_redactsTheSecret() {
        assertThat(CAROL.toString()).contains("AKIDCAROL").doesNotContain("carol-secret");
        assertThat(new VerifiedCaller(CAROL, "us-west-2", "logs", java.time.Instant.EPOCH).toString())
                .doesNotContain("carol-secret");
    }

    @Test
    void staticCredentialStore_findsByExactAccessKeyId_andRefusesDuplicates() {
        StaticCredentialStore store = StaticCredentialStore.of(CAROL);

        assertThat(store.find("AKIDCAROL")).contains(CAROL);
        assertThat(store.find("akidcarol")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThatThrownBy(() -> StaticCredentialStore.of(CAROL, CAROL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
