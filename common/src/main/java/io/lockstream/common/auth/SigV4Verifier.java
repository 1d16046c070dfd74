package io.lockstream.common.auth;

import io.lockstream.common.aws.AwsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) in the {@code Authorization} header of AWS JSON 1.1
 * requests, as the AWS CLI v1/v2 and the AWS SDK for Java v2 send them to {@code logs} and {@code kms}
 * (aws-wire.md §1.3, platform.md §4–5).
 *
 * <p>Every failure is an {@link AwsException} with status 400 and the error code the real services use:
 * {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
 * {@code UnrecognizedClientException} or {@code InvalidSignatureException}. No message ever carries the secret key
 * or the signature the verifier computed. Thread-safe.
 */
public final class SigV4Verifier {

    /** Spec: requests are valid for five minutes either side of the server's clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String INCOMPLETE = "IncompleteSignatureException";
    static final String UNRECOGNIZED = "UnrecognizedClientException";
    static final String INVALID = "InvalidSignatureException";

    static final String MSG_UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String MSG_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    private static final Pattern PARAM_SEPARATOR = Pattern.compile("[,\\s]+");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final CredentialStore store;
    private final Clock clock;

    /**
     * @param store where access keys are looked up
     * @param clock the server's clock, against which the request time must be within five minutes
     */
    public SigV4Verifier(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the request's SigV4 signature.
     *
     * @param request the request as received
     * @param expectedService the signing name the credential scope must carry: {@code logs} or {@code kms}
     * @return the credential that signed, with the region and service of its scope
     * @throws AwsException (400) {@code MissingAuthenticationTokenException} without an Authorization header;
     *     {@code IncompleteSignatureException} for a malformed one; {@code UnrecognizedClientException} for an
     *     unknown access key; {@code InvalidSignatureException} for a wrong scope, a stale or future time or a
     *     signature that does not match
     */
    public VerifiedCaller verify(SignedRequest request, String expectedService) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expectedService, "expectedService");

        Authorization auth = Authorization.parse(request);
        RequestTime time = RequestTime.of(request);

        // Spec: "the date in the credential scope must match the date of X-Amz-Date" (YYYYMMDD of the request time).
        String requestDate = time.basic().substring(0, 8);
        if (!auth.date().equals(requestDate)) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + auth.date() + "' != '" + requestDate + "', from '" + time.basic() + "'.");
        }
        // Spec: the scope's service is the signing name of the service that receives the request.
        if (!auth.service().equals(expectedService)) {
            throw invalid("Credential should be scoped to correct service: '" + expectedService + "'.");
        }
        checkWindow(time);

        Credential credential = store.find(auth.accessKeyId())
                .orElseThrow(() -> new AwsException(UNRECOGNIZED, MSG_UNKNOWN_KEY));

        // A header that is signed but absent cannot have been signed as received.
        for (String name : auth.signedHeaders()) {
            if (request.header(name).isEmpty()) {
                throw invalid(MSG_MISMATCH);
            }
        }
        String payloadHash = request.bodySha256Hex();
        checkContentSha256(request, payloadHash);

        String canonicalRequest = SigV4.canonicalRequest(request, auth.signedHeaders(), payloadHash);
        String stringToSign = SigV4.stringToSign(time.basic(),
                SigV4.scope(auth.date(), auth.region(), auth.service()), canonicalRequest);
        String expected = SigV4.signature(credential.secretKey(), auth.date(), auth.region(), auth.service(),
                stringToSign);
        // Constant-time comparison: the time taken must not tell how many leading characters matched.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw invalid(MSG_MISMATCH);
        }
        return new VerifiedCaller(credential, auth.region(), auth.service(), time.instant());
    }

    /**
     * Spec (aws-wire.md §1.3, real messages): "Signature expired: T is now earlier than NOW-5 (NOW - 5 min.)" and
     * "Signature not yet current: T is still later than NOW+5 (NOW + 5 min.)". Exactly five minutes is accepted.
     */
    private void checkWindow(RequestTime time) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (time.instant().isBefore(earliest)) {
            throw invalid("Signature expired: " + time.basic() + " is now earlier than " + basic(earliest) + " ("
                    + basic(now) + " - 5 min.)");
        }
        if (time.instant().isAfter(latest)) {
            throw invalid("Signature not yet current: " + time.basic() + " is still later than " + basic(latest)
                    + " (" + basic(now) + " + 5 min.)");
        }
    }

    /**
     * The payload is always hashed from the body (botocore and the Java SDK both sign the body hash for these
     * services). An {@code x-amz-content-sha256} header, when sent, must be that same hex hash:
     * {@code UNSIGNED-PAYLOAD} and streaming forms are S3-only.
     */
    private static void checkContentSha256(SignedRequest request, String payloadHash) {
        List<String> values = request.header(SigV4.X_AMZ_CONTENT_SHA256);
        if (values.isEmpty()) {
            return;
        }
        String claimed = values.size() == 1 ? values.get(0).trim() : "";
        if (!HEX_SHA256.matcher(claimed).matches()) {
            throw invalid("The 'x-amz-content-sha256' header must be the hex SHA-256 of the payload; "
                    + "unsigned and streaming payloads are not supported by this service.");
        }
        if (!claimed.equals(payloadHash)) {
            throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }

    private static String basic(Instant instant) {
        return SigV4.BASIC_DATE_TIME.format(instant);
    }

    static AwsException invalid(String message) {
        return new AwsException(INVALID, message);
    }

    static AwsException incomplete(String message) {
        return new AwsException(INCOMPLETE, message);
    }

    /** The parsed {@code Authorization} header. */
    private record Authorization(String accessKeyId, String date, String region, String service,
                                 List<String> signedHeaders, String signature) {

        /**
         * Spec: "Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
         * SignedHeaders=h1;h2, Signature=hex". Parts are separated by commas and/or spaces (botocore joins with
         * ", "; some clients omit the space).
         */
        static Authorization parse(SignedRequest request) {
            List<String> headerValues = request.header(SigV4.AUTHORIZATION);
            if (headerValues.isEmpty()) {
                throw new AwsException(MISSING_TOKEN, "Missing Authentication Token");
            }
            if (headerValues.size() > 1) {
                throw incomplete("Only one Authorization header is allowed.");
            }
            String value = headerValues.get(0).trim();
            if (value.isEmpty()) {
                throw new AwsException(MISSING_TOKEN, "Missing Authentication Token");
            }
            String[] algorithmAndRest = value.split("\\s+", 2);
            if (!algorithmAndRest[0].equals(SigV4.ALGORITHM)) {
                throw incomplete("Unsupported AWS 'algorithm': '" + truncate(algorithmAndRest[0])
                        + "'. Only 'AWS4-HMAC-SHA256' is supported.");
            }
            Map<String, String> params = new LinkedHashMap<>();
            String rest = algorithmAndRest.length > 1 ? algorithmAndRest[1].trim() : "";
            for (String part : rest.isEmpty() ? new String[0] : PARAM_SEPARATOR.split(rest)) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw incomplete("'" + truncate(part)
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header.");
                }
                if (params.putIfAbsent(part.substring(0, eq), part.substring(eq + 1)) != null) {
                    throw incomplete("Authorization header has a duplicate '" + truncate(part.substring(0, eq))
                            + "' parameter.");
                }
            }
            StringBuilder missing = new StringBuilder();
            for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
                if (params.getOrDefault(name, "").isEmpty()) {
                    missing.append("Authorization header requires '").append(name).append("' parameter. ");
                }
            }
            if (request.header(SigV4.X_AMZ_DATE).isEmpty() && request.header("Date").isEmpty()) {
                missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                        + "header. ");
            }
            if (missing.length() > 0) {
                throw incomplete(missing.toString().trim());
            }

            // Spec: "Credential: your access key ID and the scope ... <your-access-key-id>/<date>/<region>/<service>/
            // aws4_request".
            String credential = params.get("Credential");
            String[] scope = credential.split("/", -1);
            if (scope.length != 5 || List.of(scope).contains("")) {
                throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                        + "keyid/date/region/service/term, got '" + truncate(credential) + "'");
            }
            if (!scope[4].equals(SigV4.TERMINATOR)) {
                throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                        + truncate(scope[4]) + "'.");
            }
            List<String> signedHeaders = parseSignedHeaders(params.get("SignedHeaders"));
            // Spec: "The host header must be included as a signed header" (and so must the session token).
            if (!signedHeaders.contains("host")) {
                throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
            }
            if (!request.header(SigV4.X_AMZ_SECURITY_TOKEN).isEmpty()
                    && !signedHeaders.contains("x-amz-security-token")) {
                throw incomplete("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders,
                    params.get("Signature"));
        }

        /** Spec: "SignedHeaders: a semicolon-separated list of lowercase request header names". */
        private static List<String> parseSignedHeaders(String value) {
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : value.split(";", -1)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.isEmpty() || !seen.add(lower)) {
                    throw incomplete("Authorization header has a malformed 'SignedHeaders' parameter.");
                }
                names.add(lower);
            }
            return List.copyOf(names);
        }

        private static String truncate(String value) {
            return value.length() <= 64 ? value : value.substring(0, 64) + "...";
        }
    }

    /** The request time and its ISO 8601 basic form, which is what the string to sign carries. */
    private record RequestTime(Instant instant, String basic) {

        /**
         * Spec: "X-Amz-Date ... in ISO 8601 basic format (yyyyMMdd'T'HHmmss'Z')"; botocore signs the {@code Date}
         * header instead when the request already has one, with the string to sign still in basic format.
         */
        static RequestTime of(SignedRequest request) {
            Optional<String> amzDate = single(request, SigV4.X_AMZ_DATE);
            if (amzDate.isPresent()) {
                return new RequestTime(parse(amzDate.get(), SigV4.BASIC_DATE_TIME), amzDate.get());
            }
            String date = single(request, "Date").orElseThrow();
            Instant instant;
            try {
                instant = parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (AwsException notRfc1123) {
                instant = parse(date, SigV4.BASIC_DATE_TIME);
            }
            return new RequestTime(instant, SigV4.BASIC_DATE_TIME.format(instant));
        }

        private static Optional<String> single(SignedRequest request, String name) {
            List<String> values = request.header(name);
            if (values.size() > 1) {
                throw incomplete("Only one '" + name + "' header is allowed.");
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).trim());
        }

        private static Instant parse(String value, DateTimeFormatter format) {
            try {
                return format.parse(value, Instant::from);
            } catch (DateTimeParseException e) {
                throw incomplete("Date must be in ISO-8601 'basic format'. Got '"
                        + Authorization.truncate(value) + "'.");
            }
        }
    }
}
