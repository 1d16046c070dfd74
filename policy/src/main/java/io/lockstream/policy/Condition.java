package io.lockstream.policy;

import java.util.List;
import java.util.Objects;

/**
 * One {@code "Operator": {"key": values}} entry of a {@code Condition} block. The policy values are
 * ORed; different conditions of a statement are ANDed (IAM-UG
 * {@code reference_policies_elements_condition.md}, "The condition block").
 *
 * @param operator the operator
 * @param key      the condition key as written; compared case-insensitively with request keys
 * @param values   the policy values as strings (JSON numbers and booleans in their text form); at least one
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {

    /**
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one value");
        }
    }

    /**
     * @param operator the operator, e.g. {@code ConditionOperator.of(BaseOperator.ARN_LIKE)}
     * @param key      the condition key
     * @param values   the policy values
     * @return a condition
     */
    public static Condition of(ConditionOperator operator, String key, String... values) {
        return new Condition(operator, key, List.of(values));
    }
}
