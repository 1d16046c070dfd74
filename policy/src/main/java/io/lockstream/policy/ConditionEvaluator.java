package io.lockstream.policy;

import java.util.List;
import java.util.function.Predicate;

/**
 * Evaluates one {@link Condition} against a request context (IAM-UG
 * {@code reference_policies_elements_condition_operators.md} and
 * {@code reference_policies_multi-value-conditions.md}):
 * <ul>
 *   <li>{@code Null}: {@code true} holds when the key is absent, {@code false} when present;</li>
 *   <li>key absent: {@code ...IfExists} is true; {@code ForAnyValue} is false; {@code ForAllValues}
 *       is true; otherwise positive operators are false and negated ones true;</li>
 *   <li>key present: a request value satisfies a positive operator if it matches any policy value,
 *       a negated operator if it matches none; without a set prefix a positive operator needs one
 *       satisfying request value and a negated one needs all; {@code ForAnyValue} needs one;
 *       {@code ForAllValues} needs all.</li>
 * </ul>
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static boolean holds(Condition condition, AuthorizationRequest request) {
        ConditionOperator op = condition.operator();
        List<String> requestValues = request.context().get(condition.key());
        boolean absent = requestValues == null || requestValues.isEmpty();
        if (op.base() == BaseOperator.NULL) {
            return condition.values().stream().anyMatch(v -> Boolean.parseBoolean(v.trim()) == absent);
        }
        if (absent) {
            if (op.ifExists()) {
                return true;
            }
            return switch (op.qualifier()) {
                case FOR_ANY_VALUE -> false;
                case FOR_ALL_VALUES -> true;
                case NONE -> op.base().negated();
            };
        }
        BaseOperator base = op.base();
        Predicate<String> satisfies = base.negated()
                ? r -> condition.values().stream().noneMatch(p -> base.positiveMatch(r, p))
                : r -> condition.values().stream().anyMatch(p -> base.positiveMatch(r, p));
        return switch (op.qualifier()) {
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(satisfies);
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(satisfies);
            case NONE -> base.negated() ? requestValues.stream().allMatch(satisfies) : requestValues.stream().anyMatch(satisfies);
        };
    }
}
