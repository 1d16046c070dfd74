package io.lockstream.policy.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lockstream.policy.MalformedPolicyException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Strict JSON reading and the "string or array of strings" shape IAM uses everywhere. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** Reads a JSON object; any syntax error is a malformed document with an empty wire message (aws-sdk-ruby#1784). */
    static JsonNode readObject(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new MalformedPolicyException("", "invalid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedPolicyException("", "the policy is not a JSON object");
        }
        return node;
    }

    /**
     * @return the strings of a string-or-array element; never empty
     * @throws MalformedPolicyException with {@code message} if the shape is wrong or a string is empty
     */
    static List<String> strings(JsonNode node, String message) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(e -> out.add(e.isTextual() ? e.textValue() : null));
        }
        if (out.isEmpty() || out.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new MalformedPolicyException(message);
        }
        return out;
    }

    /** Condition values may also be JSON numbers and booleans; they are kept in their text form. */
    static List<String> scalars(JsonNode node, String message) {
        List<String> out = new ArrayList<>();
        if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(e -> out.add(e.isValueNode() && !e.isNull() ? e.asText() : null));
        }
        if (out.isEmpty() || out.contains(null)) {
            throw new MalformedPolicyException(message);
        }
        return out;
    }
}
