package io.lockstream.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately independent SigV4 signer for tests: it shares no code with {@link SigV4}, so a bug in the
 * production canonicalisation cannot hide by appearing on both sides. It signs exactly the headers it is told to,
 * in the order given, which lets tests reproduce the AWS CLI's {@code SignedHeaders} list or break the rules on
 * purpose (wrong scope date or service, no host).
 *
 * <p>Supports the path {@code /} and simple (unencoded) query strings only: that is what the JSON 1.1 services get.
 */
final class TestSigner {

    static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String secretKey;
    private final String region;
    private final String service;
    private String scopeDateOverride;
    private String separator = ", ";

    TestSigner(String accessKeyId, String secretKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** Signs with a credential-scope date other than the request's (to test the scope-date rule). */
    TestSigner withScopeDate(String scopeDate) {
        TestSigner copy = copy();
        copy.scopeDateOverride = scopeDate;
        return copy;
    }

    /** Joins the Authorization parameters with {@code separator} instead of {@code ", "}. */
    TestSigner withSeparator(String newSeparator) {
        TestSigner copy = copy();
        copy.separator = newSeparator;
        return copy;
    }

    /** Sets {@code X-Amz-Date} to {@code at} and signs {@code signedHeaders} (any case) of {@code request}. */
    SignedRequest sign(SignedRequest request, Instant at, String... signedHeaders) {
        SignedRequest dated = request.withHeader("X-Amz-Date", BASIC.format(at));
        return dated.withHeader("Authorization", authorization(dated, BASIC.format(at), signedHeaders));
    }

    /** Signs with a {@code Date} header (RFC 1123) instead of {@code X-Amz-Date}, as botocore does if one exists. */
    SignedRequest signWithDateHeader(SignedRequest request, Instant at, String... signedHeaders) {
        SignedRequest dated = request.withoutHeader("X-Amz-Date")
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(at));
        return dated.withHeader("Authorization", authorization(dated, BASIC.format(at), signedHeaders));
    }

    /** The Authorization header value for {@code request} as it stands. */
    String authorization(SignedRequest request, String amzDate, String... signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        String scopeDate = scopeDateOverride != null ? scopeDateOverride : amzDate.substring(0, 8);
        String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
        String signature = signature(request, amzDate, scope, scopeDate, names);
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope + separator
                + "SignedHeaders=" + String.join(";", names) + separator + "Signature=" + signature;
    }

    private String signature(SignedRequest request, String amzDate, String scope, String scopeDate,
                             List<String> names) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(request.rawPath().isEmpty() ? "/" : request.rawPath()).append('\n');
        canonical.append(sortedQuery(request.rawQuery())).append('\n');
        for (String name : names) {
            String value = request.header(name).stream()
                    .map(v -> v.trim().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(","));
            canonical.append(name).append(':').append(value).append('\n');
        }
        canonical.append('\n').append(String.join(";", names)).append('\n').append(sha256Hex(request.body()));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scopeDate);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static String sortedQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            sorted.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestSigner copy() {
        TestSigner copy = new TestSigner(accessKeyId, secretKey, region, service);
        copy.scopeDateOverride = scopeDateOverride;
        copy.separator = separator;
        return copy;
    }
}
