package io.lockstream.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.Principal;
import io.lockstream.policy.PrincipalBlock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code Principal}/{@code NotPrincipal} element: {@code "*"} or an object whose keys are
 * {@code AWS} and/or {@code Service}, each a string or array of strings (IAM-UG
 * {@code reference_policies_elements_principal.md}). Anything else, or any entry that is not
 * well formed ({@link Principal#isWellFormed()}), is refused with KMS's documented message
 * "Policy contains a statement with one or more invalid principals." (aws-wire.md §4.4).
 */
final class PrincipalReader {

    private PrincipalReader() {
    }

    static PrincipalBlock read(JsonNode node, boolean negated) {
        List<Principal> principals = new ArrayList<>();
        if (node.isTextual() && "*".equals(node.textValue())) {
            principals.add(Principal.any());
        } else if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Principal.Type type = switch (e.getKey()) {
                    case "AWS" -> Principal.Type.AWS;
                    case "Service" -> Principal.Type.SERVICE;
                    default -> throw invalid("unsupported principal type " + e.getKey());
                };
                for (String value : Json.strings(e.getValue(), MalformedPolicyException.INVALID_PRINCIPALS)) {
                    principals.add(new Principal(type, value));
                }
            }
        } else {
            throw invalid("principal element is neither \"*\" nor an object");
        }
        for (Principal p : principals) {
            if (!p.isWellFormed()) {
                throw invalid("invalid principal " + p.type() + " " + p.value());
            }
        }
        return new PrincipalBlock(negated, principals);
    }

    private static MalformedPolicyException invalid(String detail) {
        return new MalformedPolicyException(MalformedPolicyException.INVALID_PRINCIPALS, detail);
    }
}
