package io.lockstream.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.policy.Condition;
import io.lockstream.policy.ConditionOperator;
import io.lockstream.policy.KmsConditionKeys;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.SetQualifier;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code Condition} block {@code {"Operator": {"key": value-or-array}}} (IAM-UG
 * {@code reference_policies_elements_condition.md}). Refuses unknown operators, non-object
 * blocks, empty or non-scalar values, values of the wrong type for the operator (numbers for
 * {@code Numeric*}, dates for {@code Date*}, {@code true}/{@code false} for {@code Bool}/{@code Null},
 * base64 for {@code BinaryEquals}), and {@code ForAllValues:} with {@code kms:EncryptionContext:<key>}
 * (KMS-DG {@code conditions-kms.md}, "OverlyPermissiveCondition").
 */
final class ConditionReader {

    static final String OVERLY_PERMISSIVE = "OverlyPermissiveCondition: Using the ForAllValues set operator with a"
            + " single-valued condition key matches requests without the specified encryption context or with an"
            + " unspecified encryption context. To fix, remove ForAllValues.";

    private ConditionReader() {
    }

    static List<Condition> read(JsonNode block) {
        if (!block.isObject() || block.size() == 0) {
            throw new MalformedPolicyException("The Condition element must be a non-empty object.");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = block.properties().iterator(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            ConditionOperator operator = ConditionOperator.parse(op.getKey())
                    .orElseThrow(() -> new MalformedPolicyException("Policy contains an unsupported condition operator: " + op.getKey() + "."));
            JsonNode keys = op.getValue();
            if (!keys.isObject() || keys.size() == 0) {
                throw new MalformedPolicyException("The condition operator " + op.getKey() + " must map to a non-empty object of condition keys.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = keys.properties().iterator(); it.hasNext(); ) {
                conditions.add(readOne(operator, it.next()));
            }
        }
        return conditions;
    }

    private static Condition readOne(ConditionOperator operator, Map.Entry<String, JsonNode> entry) {
        String key = entry.getKey();
        String where = operator.policyName() + " " + key;
        if (key.isEmpty()) {
            throw new MalformedPolicyException("Condition keys must not be empty.");
        }
        if (operator.qualifier() == SetQualifier.FOR_ALL_VALUES
                && key.toLowerCase(Locale.ROOT).startsWith(KmsConditionKeys.ENCRYPTION_CONTEXT_PREFIX.toLowerCase(Locale.ROOT))) {
            throw new MalformedPolicyException(OVERLY_PERMISSIVE);
        }
        List<String> values = Json.scalars(entry.getValue(),
                "The condition " + where + " must have a string, number or boolean value, or a non-empty array of them.");
        for (String v : values) {
            if (!operator.base().acceptsPolicyValue(v)) {
                throw new MalformedPolicyException("The condition " + where + " has a value of the wrong type: " + v + ".");
            }
        }
        return new Condition(operator, key, values);
    }
}
