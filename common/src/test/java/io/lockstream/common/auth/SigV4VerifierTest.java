package io.lockstream.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lockstream.common.aws.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verifier against requests shaped like the AWS CLI's (platform.md §4) and against every way to get it wrong.
 * Error codes and messages are those of aws-wire.md §1.3.
 */
class SigV4VerifierTest {

    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2023-12-01T10:02:45Z");
    static final String BODY = "{\"logGroupName\": \"my-log-group\", \"kmsKeyId\": "
            + "\"arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}";
    static final String[] CLI_SIGNED = {"content-type", "host", "x-amz-date", "x-amz-target"};
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    static final Credential ALICE = new Credential(AKID, SECRET,
            new Principal(Principal.Kind.USER, "arn:aws:iam::123456789012:user/alice", "123456789012"),
            List.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));

    private final SigV4Verifier verifier =
            new SigV4Verifier(StaticCredentialStore.of(ALICE), Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestSigner signer = new TestSigner(AKID, SECRET, "us-west-2", "logs");

    /** What aws-cli/2.9.19 sends for {@code logs create-log-group} (platform.md §4), before signing. */
    static SignedRequest cliRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:4566");
        headers.put("Accept-Encoding", "identity");
        headers.put("X-Amz-Target", "Logs_20140328.CreateLogGroup");
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("User-Agent", "aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian.12 prompt/off "
                + "command/logs.create-log-group");
        headers.put("Content-Length", "123");
        return SignedRequest.of("POST", "/", "", headers, BODY.getBytes(StandardCharsets.UTF_8));
    }

    SignedRequest cliSigned(Instant at) {
        return signer.sign(cliRequest(), at, CLI_SIGNED);
    }

    AwsException failure(SignedRequest request, String service) {
        return catchThrowableOfType(AwsException.class, () -> verifier.verify(request, service));
    }

    static void assertError(AwsException e, String type, String message) {
        assertThat(e).as("expected %s", type).isNotNull();
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Nested
    class Accepts {

        @Test
        void cliV2Request_signedHeadersContentTypeHostDateTarget_isVerified() {
            // Given: "SignedHeaders=content-type;host;x-amz-date;x-amz-target", no x-amz-content-sha256
            SignedRequest request = cliSigned(NOW);
            assertThat(request.firstHeader("Authorization")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + AKID + "/20231201/us-west-2/logs/aws4_request, "
                            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="));

            // When
            VerifiedCaller caller = verifier.verify(request, "logs");

            // Then
            assertThat(caller.credential()).isEqualTo(ALICE);
            assertThat(caller.principal().arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
            assertThat(caller.region()).isEqualTo("us-west-2");
            assertThat(caller.service()).isEqualTo("logs");
            assertThat(caller.signedAt()).isEqualTo(NOW);
        }

        @Test
        void cliV1Request_withSdkInvocationHeadersSigned_isVerified() {
            // aws-cli v1 "adds amz-sdk-invocation-id and amz-sdk-request: attempt=1" (platform.md §4)
            SignedRequest request = signer.sign(cliRequest()
                            .withHeader("amz-sdk-invocation-id", "0b8f0c51-1b6b-4c5b-a8b5-8d1b3f8b2b9e")
                            .withHeader("amz-sdk-request", "attempt=1"),
                    NOW, "amz-sdk-invocation-id", "amz-sdk-request", "content-type", "host", "x-amz-date",
                    "x-amz-target");

            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void kmsRequest_withEmptyJsonObjectBody_isVerified() {
            SignedRequest request = new TestSigner(AKID, SECRET, "us-west-2", "kms").sign(
                    cliRequest().withHeader("X-Amz-Target", "TrentService.CreateKey")
                            .withBody("{}".getBytes(StandardCharsets.UTF_8)), NOW, CLI_SIGNED);

            assertThat(verifier.verify(request, "kms").service()).isEqualTo("kms");
        }

        @Test
        void authorizationParameters_withoutSpacesAfterCommas_areParsed() {
            // aws-wire.md §1.3: "Parse tolerant of missing spaces."
            SignedRequest request = signer.withSeparator(",").sign(cliRequest(), NOW, CLI_SIGNED);

            assertThat(verifier.verify(request, "logs").service()).isEqualTo("logs");
        }

        @Test
        void headerNames_areMatchedInAnyCase() {
            SignedRequest signed = cliSigned(NOW);
            Map<String, List<String>> lowerCased = new TreeMap<>();
            signed.headers().forEach((name, values) -> lowerCased.put(name.toLowerCase(), values));

            SignedRequest request = new SignedRequest("POST", "/", "", lowerCased, signed.body());

            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void headerValues_areTrimmedCollapsedAndCommaJoined() {
            // Spec: "Trimall ... convert sequential spaces to a single space"; several values joined by commas.
            Map<String, List<String>> headers = new LinkedHashMap<>(cliRequest().headers());
            headers.put("X-Custom", List.of("  a   b\tc  ", "second"));
            SignedRequest request = signer.sign(new SignedRequest("POST", "/", "", headers, BODY.getBytes(
                    StandardCharsets.UTF_8)), NOW, "content-type", "host", "x-amz-date", "x-amz-target", "x-custom");

            assertThat(SigV4.canonicalHeaderValue(request.header("x-custom"))).isEqualTo("a b c,second");
            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void unsignedHeaders_mayChangeInTransit() {
            SignedRequest request = cliSigned(NOW).withHeader("User-Agent", "a proxy rewrote me")
                    .withHeader("Accept-Encoding", "gzip");

            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void dateHeader_isUsedWhenXAmzDateIsAbsent() {
            // botocore: "If there's a Date header, we use the date header. Otherwise we use the X-Amz-Date header."
            SignedRequest request = signer.signWithDateHeader(cliRequest(), NOW,
                    "content-type", "date", "host", "x-amz-target");

            assertThat(verifier.verify(request, "logs").signedAt()).isEqualTo(NOW);
        }

        @Test
        void securityToken_whenSigned_isAccepted() {
            // aws-wire.md §1.3: "With session credentials X-Amz-Security-Token is added and signed."
            SignedRequest request = signer.sign(cliRequest().withHeader("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE"),
                    NOW, "content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target");

            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void contentSha256Header_matchingTheBody_isAccepted() {
            SignedRequest request = signer.sign(cliRequest().withHeader("X-Amz-Content-Sha256",
                    TestSigner.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))), NOW,
                    "content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target");

            assertThat(verifier.verify(request, "logs").region()).isEqualTo("us-west-2");
        }

        @Test
        void timestamp_exactlyFiveMinutesEitherSide_isAccepted() {
            // Spec: a ±5 minute window; the boundary itself is inside it.
            assertThat(verifier.verify(cliSigned(NOW.minus(Duration.ofMinutes(5))), "logs")).isNotNull();
            assertThat(verifier.verify(cliSigned(NOW.plus(Duration.ofMinutes(5))), "logs")).isNotNull();
        }

        @Test
        void clockWithMilliseconds_comparesWholeSeconds() {
            SigV4Verifier verifierAtHalfSecond = new SigV4Verifier(StaticCredentialStore.of(ALICE),
                    Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC));

            assertThat(verifierAtHalfSecond.verify(cliSigned(NOW.minus(Duration.ofMinutes(5))), "logs")).isNotNull();
        }
    }

    @Nested
    class Rejects {

        @Test
        void missingAuthorizationHeader_isMissingAuthenticationToken() {
            SignedRequest request = cliSigned(NOW).withoutHeader("Authorization");

            assertError(failure(request, "logs"), "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                no Signature        | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201/us-west-2/logs/aws4_request, SignedHeaders=host;x-amz-date | Authorization header requires 'Signature' parameter.
                no Credential       | AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abcd | Authorization header requires 'Credential' parameter.
                no SignedHeaders    | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201/us-west-2/logs/aws4_request, Signature=abcd | Authorization header requires 'SignedHeaders' parameter.
                algorithm only      | AWS4-HMAC-SHA256 | Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.
                empty Signature     | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201/us-west-2/logs/aws4_request, SignedHeaders=host, Signature= | Authorization header requires 'Signature' parameter.
                other scheme        | Bearer abc.def | Unsupported AWS 'algorithm': 'Bearer'. Only 'AWS4-HMAC-SHA256' is supported.
                SigV2               | AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg= | Unsupported AWS 'algorithm': 'AWS'. Only 'AWS4-HMAC-SHA256' is supported.
                no equal sign       | AWS4-HMAC-SHA256 Credential | 'Credential' not a valid key=value pair (missing equal-sign) in Authorization header.
                short Credential    | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201/us-west-2, SignedHeaders=host, Signature=abcd | Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAIOSFODNN7EXAMPLE/20231201/us-west-2'
                empty scope element | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201//logs/aws4_request, SignedHeaders=host, Signature=abcd | Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAIOSFODNN7EXAMPLE/20231201//logs/aws4_request'
                empty signed header | AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231201/us-west-2/logs/aws4_request, SignedHeaders=host;;x-amz-date, Signature=abcd | Authorization header has a malformed 'SignedHeaders' parameter.
                duplicate parameter | AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=abcd | Authorization header has a duplicate 'Credential' parameter.
                """)
        void malformedAuthorizationHeader_isIncompleteSignature(String why, String header, String message) {
            SignedRequest request = cliSigned(NOW).withHeader("Authorization", header);

            assertError(failure(request, "logs"), "IncompleteSignatureException", message);
        }

        @Test
        void noDateHeaderAtAll_isIncompleteSignature() {
            SignedRequest request = cliSigned(NOW).withoutHeader("X-Amz-Date");

            assertError(failure(request, "logs"), "IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        @Test
        void xAmzDateNotInBasicFormat_isIncompleteSignature() {
            // Spec: "X-Amz-Date ... ISO 8601 basic format (YYYYMMDD'T'HHMMSS'Z')"
            SignedRequest request = cliSigned(NOW).withHeader("X-Amz-Date", "2023-12-01T10:02:45Z");

            assertError(failure(request, "logs"), "IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. Got '2023-12-01T10:02:45Z'.");
        }

        @Test
        void wrongTerminator_isInvalidSignature() {
            String header = cliSigned(NOW).firstHeader("Authorization").orElseThrow()
                    .replace("/aws4_request", "/aws5_request");

            assertError(failure(cliSigned(NOW).withHeader("Authorization", header), "logs"),
                    "InvalidSignatureException",
                    "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
        }

        @Test
        void unknownAccessKey_isUnrecognizedClient() {
            SignedRequest request = new TestSigner("AKIDUNKNOWN000000000", SECRET, "us-west-2", "logs")
                    .sign(cliRequest(), NOW, CLI_SIGNED);

            assertError(failure(request, "logs"), "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }

        @Test
        void wrongSecret_isInvalidSignature_andTheMessageLeaksNothing() {
            SignedRequest request = new TestSigner(AKID, "not-the-secret", "us-west-2", "logs")
                    .sign(cliRequest(), NOW, CLI_SIGNED);
            String correctSignature = cliSigned(NOW).firstHeader("Authorization").orElseThrow().replaceAll(".*=", "");

            AwsException e = failure(request, "logs");

            assertError(e, "InvalidSignatureException", MISMATCH);
            assertThat(e.toString()).doesNotContain(SECRET).doesNotContain(correctSignature);
        }

        @Test
        void tamperedBody_isInvalidSignature() {
            SignedRequest request = cliSigned(NOW).withBody(BODY.replace("my-log-group", "their-log-group")
                    .getBytes(StandardCharsets.UTF_8));

            assertError(failure(request, "logs"), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void tamperedSignedHeader_isInvalidSignature() {
            SignedRequest request = cliSigned(NOW).withHeader("X-Amz-Target", "Logs_20140328.DeleteLogGroup");

            assertError(failure(request, "logs"), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void tamperedSignature_isInvalidSignature() {
            SignedRequest signed = cliSigned(NOW);
            String header = signed.firstHeader("Authorization").orElseThrow();
            char last = header.charAt(header.length() - 1);
            String flipped = header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');

            assertError(failure(signed.withHeader("Authorization", flipped), "logs"),
                    "InvalidSignatureException", MISMATCH);
        }

        @Test
        void signedHeaderMissingFromTheRequest_isInvalidSignature() {
            SignedRequest request = cliSigned(NOW).withoutHeader("X-Amz-Target");

            assertError(failure(request, "logs"), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void hostNotSigned_isIncompleteSignature() {
            // Spec: "The host header must be included as a signed header."
            SignedRequest request = signer.sign(cliRequest(), NOW, "content-type", "x-amz-date", "x-amz-target");

            assertError(failure(request, "logs"), "IncompleteSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void securityTokenPresentButNotSigned_isIncompleteSignature() {
            SignedRequest request = signer.sign(cliRequest().withHeader("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE"),
                    NOW, CLI_SIGNED);

            assertError(failure(request, "logs"), "IncompleteSignatureException",
                    "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void timestampFiveMinutesAndOneSecondOld_isExpired() {
            // aws-wire.md §1.3: "Signature expired: 20231201T095742Z is now earlier than 20231201T095745Z
            // (20231201T100245Z - 5 min.)"
            assertError(failure(cliSigned(Instant.parse("2023-12-01T09:57:42Z")), "logs"), "InvalidSignatureException",
                    "Signature expired: 20231201T095742Z is now earlier than 20231201T095745Z "
                            + "(20231201T100245Z - 5 min.)");
            assertError(failure(cliSigned(NOW.minus(Duration.ofSeconds(301))), "logs"), "InvalidSignatureException",
                    "Signature expired: 20231201T095744Z is now earlier than 20231201T095745Z "
                            + "(20231201T100245Z - 5 min.)");
        }

        @Test
        void timestampFiveMinutesAndOneSecondAhead_isNotYetCurrent() {
            // The real twin: "Signature not yet current: T is still later than NOW+5 (NOW + 5 min.)"
            assertError(failure(cliSigned(NOW.plus(Duration.ofSeconds(301))), "logs"), "InvalidSignatureException",
                    "Signature not yet current: 20231201T100746Z is still later than 20231201T100745Z "
                            + "(20231201T100245Z + 5 min.)");
        }

        @Test
        void scopeForAnotherService_isInvalidSignature() {
            // aws-wire.md §1.3: the scope's service is the signing name, "logs" or "kms".
            assertError(failure(cliSigned(NOW), "kms"), "InvalidSignatureException",
                    "Credential should be scoped to correct service: 'kms'.");
        }

        @Test
        void scopeDateOtherThanTheRequestDate_isInvalidSignature() {
            // Spec: the credential scope date must be the date of X-Amz-Date.
            SignedRequest request = signer.withScopeDate("20231130").sign(cliRequest(), NOW, CLI_SIGNED);

            assertError(failure(request, "logs"), "InvalidSignatureException",
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                            + "'20231130' != '20231201', from '20231201T100245Z'.");
        }

        @Test
        void contentSha256NotMatchingTheBody_isInvalidSignature() {
            SignedRequest request = signer.sign(cliRequest().withHeader("x-amz-content-sha256",
                    TestSigner.sha256Hex("{}".getBytes(StandardCharsets.UTF_8))), NOW,
                    "content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target");

            assertError(failure(request, "logs"), "InvalidSignatureException",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        @Test
        void unsignedPayload_isInvalidSignature() {
            // UNSIGNED-PAYLOAD is an S3 option; these services always sign the body.
            SignedRequest request = signer.sign(cliRequest().withHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                    NOW, "content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target");

            assertError(failure(request, "logs"), "InvalidSignatureException",
                    "The 'x-amz-content-sha256' header must be the hex SHA-256 of the payload; "
                            + "unsigned and streaming payloads are not supported by this service.");
        }

        @Test
        void twoAuthorizationHeaders_isIncompleteSignature() {
            SignedRequest signed = cliSigned(NOW);
            Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
            List<String> twice = new ArrayList<>(signed.header("Authorization"));
            twice.addAll(signed.header("Authorization"));
            headers.put("Authorization", twice);

            assertError(failure(new SignedRequest("POST", "/", "", headers, signed.body()), "logs"),
                    "IncompleteSignatureException", "Only one Authorization header is allowed.");
        }
    }
}
