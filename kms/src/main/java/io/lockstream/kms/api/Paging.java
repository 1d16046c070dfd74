package io.lockstream.kms.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.JsonRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Marker paging of the KMS list operations: {@code Limit}, {@code Marker} in; {@code NextMarker},
 * {@code Truncated} out. A marker is the opaque (base64url) sort key of the first item of the next page;
 * anything else is InvalidMarkerException.
 */
final class Paging {
    private Paging() {
    }

    record Page<T>(List<T> items, String nextMarker) {
    }

    static <T> Page<T> page(JsonRequest r, List<T> sorted, Function<T, String> sortKey, int defaultLimit, int maxLimit) {
        int limit = r.intValue("Limit").orElse(defaultLimit);
        if (limit < 1 || limit > maxLimit) {
            throw r.invalid("limit", limit, "Member must have value " + (limit < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + maxLimit));
        }
        int start = 0;
        String marker = r.string("Marker").orElse(null);
        if (marker != null) {
            String from;
            try {
                from = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AwsException("InvalidMarkerException", "Invalid marker");
            }
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (sortKey.apply(sorted.get(i)).compareTo(from) >= 0) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(sorted.size(), start + limit);
        String next = end < sorted.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sortKey.apply(sorted.get(end)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(sorted.subList(start, end), next);
    }

    static void finish(ObjectNode out, Page<?> page) {
        if (page.nextMarker() != null) {
            out.put("NextMarker", page.nextMarker());
        }
        out.put("Truncated", page.nextMarker() != null);
    }
}
