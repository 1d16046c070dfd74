package io.lockstream.common.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of Signature Version 4 that signer and verifier share: canonicalisation, key derivation, HMAC.
 * Rules quote the IAM user guide, "Create a signed AWS API request" ({@code create-signed-request.md}), and
 * follow what botocore ({@code auth.py}) and the Java SDK ({@code V4CanonicalRequest}) do (aws-wire.md §1.3).
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
    static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String AUTHORIZATION = "Authorization";

    /** ISO 8601 basic format, UTC: {@code 20150830T123600Z}. */
    static final DateTimeFormatter BASIC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /** The scope date: {@code 20150830}. */
    static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * Spec: "CanonicalRequest = HTTPMethod + '\n' + CanonicalURI + '\n' + CanonicalQueryString + '\n' +
     * CanonicalHeaders + '\n' + SignedHeaders + '\n' + HashedPayload".
     *
     * @param signedHeaders lower-case header names, in the order they are signed
     */
    static String canonicalRequest(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n')
                .append(canonicalUri(request.rawPath())).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':').append(canonicalHeaderValue(request.header(name))).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return out.toString();
    }

    /**
     * Spec: "StringToSign = Algorithm + \n + RequestDateTime + \n + CredentialScope + \n +
     * HashedCanonicalRequest".
     */
    static String stringToSign(String requestDateTime, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + requestDateTime + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Spec: the credential scope "date/region/service/aws4_request". */
    static String scope(String date, String region, String service) {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    /**
     * Spec: "kDate = hash("AWS4" + Key, Date); kRegion = hash(kDate, Region); kService = hash(kRegion, Service);
     * kSigning = hash(kService, "aws4_request"); signature = hash(kSigning, string-to-sign)", as lower-case hex.
     */
    static String signature(String secretKey, String date, String region, String service, String stringToSign) {
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, TERMINATOR);
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /**
     * Spec: "CanonicalURI: the URI-encoded version of the absolute path component URI ... each path segment must be
     * URI-encoded twice" for services other than S3, and "If the absolute path is empty, use a forward slash
     * character (/)". The path arrives encoded once, so it is encoded once more here, after removing dot segments
     * and empty segments as botocore's {@code normalize_url_path} does.
     */
    static String canonicalUri(String rawPath) {
        return uriEncode(normalizePath(rawPath), true);
    }

    static String normalizePath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(segment);
            }
        }
        String first = path.startsWith("/") ? "/" : "";
        String last = path.endsWith("/") && !out.isEmpty() ? "/" : "";
        return first + String.join("/", out) + last;
    }

    /**
     * Spec: "CanonicalQueryString: ... URI-encode each parameter name and value ... Sort the parameters in the
     * canonical query string alphabetically by key name ... If the query string is empty, use an empty string".
     * Parameters are decoded from the wire form first, so that each is encoded exactly once, the SigV4 way.
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {uriEncode(percentDecode(name), false), uriEncode(percentDecode(value), false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /**
     * Spec: "CanonicalHeaders ... Trimall: remove excess white space before and after values, and convert sequential
     * spaces to a single space"; several values of one header are joined with commas.
     */
    static String canonicalHeaderValue(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(trimAll(value));
        }
        return out.toString();
    }

    private static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Spec: "URI-encode every byte except the unreserved characters: 'A'-'Z', 'a'-'z', '0'-'9', '-', '.', '_', and
     * '~'. The space character is a reserved character and must be encoded as '%20' ... Letters in the hexadecimal
     * value must be uppercase". {@code /} is kept in paths only.
     */
    static String uriEncode(String value, boolean keepSlash) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} escapes (UTF-8); a {@code %} not followed by two hex digits stays as it is. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
