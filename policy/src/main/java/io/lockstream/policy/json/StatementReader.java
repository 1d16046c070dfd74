package io.lockstream.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.policy.ActionBlock;
import io.lockstream.policy.Condition;
import io.lockstream.policy.Effect;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.PrincipalBlock;
import io.lockstream.policy.ResourceBlock;
import io.lockstream.policy.Statement;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one statement (IAM-UG {@code reference_policies_grammar.md}; KMS-DG
 * {@code key-policy-overview.md}; aws-wire.md §4.4): {@code Effect} Allow|Deny; exactly one of
 * {@code Principal}/{@code NotPrincipal} in key policies and none in identity policies; exactly one
 * of {@code Action}/{@code NotAction}; exactly one of {@code Resource}/{@code NotResource}
 * (required since 18 Aug 2025); no other elements.
 */
final class StatementReader {

    private static final Set<String> ELEMENTS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final String ACTION_SHAPE = "Each action must be \"*\" or a string of the form \"service:action\".";

    private StatementReader() {
    }

    static Statement read(JsonNode node, boolean keyPolicy) {
        if (!node.isObject()) {
            throw new MalformedPolicyException("Each statement must be a JSON object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ELEMENTS.contains(name)) {
                throw new MalformedPolicyException("Statement contains an unsupported element: " + name + ".");
            }
        }
        String sid = optionalText(node, "Sid");
        Effect effect = effect(node.get("Effect"));
        Optional<PrincipalBlock> principal = principal(node, keyPolicy, effect);
        JsonNode action = exactlyOne(node, "Action", "NotAction");
        List<String> actions = Json.strings(action, ACTION_SHAPE);
        if (actions.stream().anyMatch(a -> !a.equals("*") && !a.matches("[^:]+:[^:]*"))) {
            throw new MalformedPolicyException(ACTION_SHAPE);
        }
        JsonNode resource = exactlyOne(node, "Resource", "NotResource");
        List<String> resources = Json.strings(resource, "Each resource must be a non-empty string.");
        JsonNode condition = node.get("Condition");
        List<Condition> conditions = condition == null ? List.of() : ConditionReader.read(condition);
        return new Statement(sid, effect, principal,
                new ActionBlock(node.has("NotAction"), actions),
                new ResourceBlock(node.has("NotResource"), resources),
                conditions);
    }

    private static Effect effect(JsonNode node) {
        if (node != null && node.isTextual()) {
            switch (node.textValue()) {
                case "Allow":
                    return Effect.ALLOW;
                case "Deny":
                    return Effect.DENY;
                default:
                    break;
            }
        }
        throw new MalformedPolicyException("Each statement must have an Effect of \"Allow\" or \"Deny\".");
    }

    private static Optional<PrincipalBlock> principal(JsonNode node, boolean keyPolicy, Effect effect) {
        if (!keyPolicy) {
            if (node.has("Principal") || node.has("NotPrincipal")) {
                throw new MalformedPolicyException("Policy document should not specify a principal.");
            }
            return Optional.empty();
        }
        JsonNode element = exactlyOne(node, "Principal", "NotPrincipal");
        boolean negated = node.has("NotPrincipal");
        // "NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported."
        // (IAM-UG reference_policies_elements_notprincipal.md)
        if (negated && effect == Effect.ALLOW) {
            throw new MalformedPolicyException("NotPrincipal can be used only in statements with \"Effect\": \"Deny\".");
        }
        return Optional.of(PrincipalReader.read(element, negated));
    }

    private static JsonNode exactlyOne(JsonNode node, String positive, String negative) {
        boolean hasPositive = node.has(positive);
        if (hasPositive == node.has(negative)) {
            throw new MalformedPolicyException("Each statement must contain exactly one of " + positive + " and " + negative + ".");
        }
        return node.get(hasPositive ? positive : negative);
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedPolicyException("The " + name + " element must be a string.");
        }
        return value.textValue();
    }
}
