package io.lockstream.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS's published SigV4 test suite ({@code aws-sig-v4-test-suite}, the examples in the IAM user guide's "Signature
 * Version 4 test suite"): credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20150830T123600Z,
 * us-east-1, service "service". Canonical request, string to sign and signature must be byte for byte as published,
 * and the verifier must accept the published Authorization headers.
 */
class SigV4TestSuiteTest {

    static final String AKID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String AMZ_DATE = "20150830T123600Z";
    static final String SCOPE = "20150830/us-east-1/service/aws4_request";
    static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");

    private final SigV4Verifier verifier = new SigV4Verifier(
            StaticCredentialStore.of(new Credential(AKID, SECRET, Principal.accountRoot("111122223333"), List.of())),
            Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void getVanilla_matchesPublishedCanonicalRequestStringToSignAndSignature() {
        // Given get-vanilla: "GET / HTTP/1.1 / Host:example.amazonaws.com / X-Amz-Date:20150830T123600Z"
        SignedRequest request = request("GET", "/", "", "");

        // When
        String canonical = SigV4.canonicalRequest(request, List.of("host", "x-amz-date"), SigV4.sha256Hex(new byte[0]));
        String stringToSign = SigV4.stringToSign(AMZ_DATE, SCOPE, canonical);

        // Then
        assertThat(canonical).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(stringToSign).isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n" + SCOPE + "\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        assertThat(SigV4.signature(SECRET, "20150830", "us-east-1", "service", stringToSign))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void getVanilla_publishedAuthorizationIsAccepted() {
        SignedRequest request = request("GET", "/", "", "")
                .withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + SCOPE
                        + ", SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        VerifiedCaller caller = verifier.verify(request, "service");

        assertThat(caller.credential().accessKeyId()).isEqualTo(AKID);
        assertThat(caller.region()).isEqualTo("us-east-1");
        assertThat(caller.service()).isEqualTo("service");
        assertThat(caller.signedAt()).isEqualTo(AT);
    }

    @Test
    void postXWwwFormUrlencoded_publishedAuthorizationIsAccepted() {
        // Given post-x-www-form-urlencoded: Content-Type:application/x-www-form-urlencoded, body "Param1=value1"
        SignedRequest request = request("POST", "/", "", "Param1=value1")
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + SCOPE
                        + ", SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");

        // Then: the payload hash is the published one, and the published signature verifies
        assertThat(SigV4.sha256Hex(request.body()))
                .isEqualTo("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        assertThat(verifier.verify(request, "service").principal().account()).isEqualTo("111122223333");
    }

    @Test
    void getVanillaQueryOrderKeyCase_queryIsSortedBeforeSigning() {
        // Spec: "Sort the parameters in the canonical query string alphabetically by key name."
        SignedRequest request = request("GET", "/", "Param2=value2&Param1=value1", "")
                .withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + SCOPE
                        + ", SignedHeaders=host;x-amz-date, "
                        + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");

        assertThat(SigV4.canonicalQuery(request.rawQuery())).isEqualTo("Param1=value1&Param2=value2");
        assertThat(verifier.verify(request, "service").region()).isEqualTo("us-east-1");
    }

    @Test
    void testSigner_reproducesPublishedSignatures() {
        TestSigner signer = new TestSigner(AKID, SECRET, "us-east-1", "service");

        assertThat(signer.sign(request("GET", "/", "", ""), AT, "host", "x-amz-date").firstHeader("Authorization"))
                .hasValueSatisfying(v -> assertThat(v).endsWith(
                        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
        assertThat(signer.sign(request("POST", "/", "", "Param1=value1")
                        .withHeader("Content-Type", "application/x-www-form-urlencoded"),
                AT, "content-type", "host", "x-amz-date").firstHeader("Authorization"))
                .hasValueSatisfying(v -> assertThat(v).endsWith(
                        "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
    }

    private static SignedRequest request(String method, String path, String query, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", AMZ_DATE);
        return SignedRequest.of(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
