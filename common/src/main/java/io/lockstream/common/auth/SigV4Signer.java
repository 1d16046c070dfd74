package io.lockstream.common.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests with AWS Signature Version 4 the way the AWS SDK for Java v2 does for AWS JSON 1.1 services, for
 * Lockstream's own internal HTTP clients.
 *
 * <p>The signer sets {@code X-Amz-Date} from its clock, {@code x-amz-content-sha256} to the hex SHA-256 of the body,
 * {@code X-Amz-Security-Token} when a session token is given, and then signs every header except
 * {@code connection}, {@code user-agent}, {@code expect} and {@code x-amzn-trace-id} (the Java SDK's
 * {@code V4CanonicalRequest.HEADERS_TO_IGNORE_IN_LOWER_CASE}, aws-wire.md §1.3). The request must carry a
 * {@code Host} header. Thread-safe.
 */
public final class SigV4Signer {

    /** Headers the Java SDK never signs: proxies and HTTP stacks may add, drop or rewrite them. */
    private static final Set<String> UNSIGNED = Set.of("connection", "user-agent", "expect", "x-amzn-trace-id",
            "authorization");

    private final Clock clock;

    /** @param clock the source of {@code X-Amz-Date} */
    public SigV4Signer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs {@code request} with long-term credentials.
     *
     * @return the request with {@code X-Amz-Date}, {@code x-amz-content-sha256} and {@code Authorization} set
     * @throws IllegalArgumentException if the request has no {@code Host} header
     */
    public SignedRequest sign(SignedRequest request, String accessKeyId, String secretKey, String region,
                              String service) {
        return sign(request, accessKeyId, secretKey, null, region, service);
    }

    /**
     * Signs {@code request}, adding and signing {@code X-Amz-Security-Token} when {@code sessionToken} is not null.
     *
     * @return the request with {@code X-Amz-Date}, {@code x-amz-content-sha256}, the token if any and
     *     {@code Authorization} set
     * @throws IllegalArgumentException if the request has no {@code Host} header
     */
    public SignedRequest sign(SignedRequest request, String accessKeyId, String secretKey, String sessionToken,
                              String region, String service) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        if (request.header("Host").isEmpty()) {
            throw new IllegalArgumentException("a SigV4 request must have a Host header");
        }
        String requestDateTime = SigV4.BASIC_DATE_TIME.format(clock.instant());
        String date = requestDateTime.substring(0, 8);
        String payloadHash = SigV4.sha256Hex(request.body());

        SignedRequest prepared = request.withoutHeader(SigV4.AUTHORIZATION)
                .withHeader(SigV4.X_AMZ_DATE, requestDateTime)
                .withHeader(SigV4.X_AMZ_CONTENT_SHA256, payloadHash);
        if (sessionToken != null) {
            prepared = prepared.withHeader(SigV4.X_AMZ_SECURITY_TOKEN, sessionToken);
        }

        // Spec: "SignedHeaders: an alphabetically sorted, semicolon-separated list of lowercase request header
        // names".
        List<String> signedHeaders = new ArrayList<>();
        for (String name : prepared.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED.contains(lower)) {
                signedHeaders.add(lower);
            }
        }
        signedHeaders.sort(null);

        String scope = SigV4.scope(date, region, service);
        String canonicalRequest = SigV4.canonicalRequest(prepared, signedHeaders, payloadHash);
        String signature = SigV4.signature(secretKey, date, region, service,
                SigV4.stringToSign(requestDateTime, scope, canonicalRequest));
        return prepared.withHeader(SigV4.AUTHORIZATION, SigV4.ALGORITHM + " Credential=" + accessKeyId + '/' + scope
                + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature);
    }
}
