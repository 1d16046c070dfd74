package io.lockstream.common.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, validated access to the members of an AWS JSON 1.1 request. Wrong JSON types are
 * {@code SerializationException}s and missing required members are validation errors of the type the
 * service uses ({@code InvalidParameterException} for logs, {@code ValidationException} for KMS), with
 * AWS's "1 validation error detected" wording. Unknown members are ignored, as AWS does.
 */
public final class JsonRequest {
    private final ObjectNode body;
    private final String validationErrorType;

    public JsonRequest(ObjectNode body, String validationErrorType) {
        this.body = body;
        this.validationErrorType = validationErrorType;
    }

    public ObjectNode body() {
        return body;
    }

    public boolean has(String member) {
        JsonNode n = body.get(member);
        return n != null && !n.isNull();
    }

    public String requiredString(String member) {
        return string(member).orElseThrow(() -> missing(member));
    }

    public Optional<String> string(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw wrongType(member, "string");
        }
        return Optional.of(n.textValue());
    }

    public Optional<Long> longValue(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrongType(member, "long");
        }
        return Optional.of(n.longValue());
    }

    public Optional<Integer> intValue(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw wrongType(member, "integer");
        }
        return Optional.of(n.intValue());
    }

    public Optional<Boolean> bool(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw wrongType(member, "boolean");
        }
        return Optional.of(n.booleanValue());
    }

    /** A base64 blob member (KMS {@code Plaintext}, {@code CiphertextBlob}). */
    public Optional<byte[]> blob(String member) {
        return string(member).map(s -> {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new AwsException("SerializationException", "Invalid base64 in '" + member + "'");
            }
        });
    }

    /** A string-to-string map member (tags, encryption context). */
    public Map<String, String> stringMap(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw wrongType(member, "map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw wrongType(member + "." + e.getKey(), "string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return Collections.unmodifiableMap(out);
    }

    /** A list member whose items are converted one by one. */
    public <T> Optional<List<T>> list(String member, Function<JsonNode, T> item) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isArray()) {
            throw wrongType(member, "list");
        }
        List<T> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(item.apply(e)));
        return Optional.of(out);
    }

    /** The AWS validation wording: {@code 1 validation error detected: Value null at 'x' failed ...}. */
    public AwsException missing(String member) {
        return new AwsException(validationErrorType, "1 validation error detected: Value null at '"
                + member + "' failed to satisfy constraint: Member must not be null");
    }

    public AwsException invalid(String member, Object value, String constraint) {
        return new AwsException(validationErrorType, "1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    private static AwsException wrongType(String member, String expected) {
        return new AwsException("SerializationException",
                "Unexpected value type for '" + member + "': expected " + expected);
    }
}
