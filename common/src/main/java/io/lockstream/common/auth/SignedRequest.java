package io.lockstream.common.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived on the wire, holding what SigV4 covers.
 *
 * <p>Headers form a case-insensitive multi-map: {@code headers().get("host")} finds a header received as
 * {@code Host}. Keys keep the spelling first received; values keep their order. Two keys that differ only in case
 * are merged into one entry. The record is immutable: the map, its lists and the body are copies.
 *
 * @param method the HTTP method, for example {@code POST}
 * @param rawPath the request path exactly as received (still percent-encoded), for example {@code /}
 * @param rawQuery the query string exactly as received, without the {@code ?}; empty when there is none
 * @param headers the request headers, case-insensitive, keys as received
 * @param body the request body (empty when there is none); {@link #body()} returns a copy
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = copyHeaders(Objects.requireNonNull(headers, "headers"));
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request with the given headers, each of a single value, in iteration order. */
    public static SignedRequest of(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                   byte[] body) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return new SignedRequest(method, rawPath, rawQuery, multi, body);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes, without copying it. */
    /** Hex SHA-256 of the body (the SigV4 payload hash), without copying the body. */
    public String bodySha256Hex() {
        return SigV4.sha256Hex(body);
    }

    public int bodyLength() {
        return body.length;
    }

    /** Every value of the header {@code name} (any case), or an empty list. */
    public List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of the header {@code name} (any case). */
    public Optional<String> firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** This request with header {@code name} (any case) replaced by the single {@code value}. */
    public SignedRequest withHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.remove(name);
        copy.put(name, List.of(value));
        return new SignedRequest(method, rawPath, rawQuery, copy, body);
    }

    /** This request without header {@code name} (any case). */
    public SignedRequest withoutHeader(String name) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.remove(name);
        return new SignedRequest(method, rawPath, rawQuery, copy, body);
    }

    /** This request with another body (headers unchanged). */
    public SignedRequest withBody(byte[] newBody) {
        return new SignedRequest(method, rawPath, rawQuery, headers, newBody);
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> source) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, values) -> {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(values, "header values");
            List<String> into = merged.computeIfAbsent(name, n -> new ArrayList<>());
            for (String value : values) {
                into.add(Objects.requireNonNull(value, "header value"));
            }
        });
        merged.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedRequest other
                && method.equals(other.method)
                && rawPath.equals(other.rawPath)
                && rawQuery.equals(other.rawQuery)
                && headers.equals(other.headers)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Method, path and header names only: header values and the body may carry credentials or log data. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
                + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
