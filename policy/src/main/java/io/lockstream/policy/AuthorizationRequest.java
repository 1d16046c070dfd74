package io.lockstream.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request to authorise. The context is stored with case-insensitive keys because "condition key
 * names are not case-sensitive" (IAM-UG {@code reference_policies_elements_condition.md}); values
 * of keys that differ only in case are merged.
 *
 * @param caller      who is asking
 * @param action      the permission, e.g. {@code kms:Decrypt}
 * @param resourceArn the key ARN
 * @param context     condition keys to their values (see {@link KmsConditionKeys})
 */
public record AuthorizationRequest(Caller caller, String action, String resourceArn, Map<String, List<String>> context) {

    /** Creates a request; the context is copied into an unmodifiable case-insensitive map. */
    public AuthorizationRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        TreeMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.forEach((k, v) -> keys.merge(k, List.copyOf(v), (a, b) -> {
            List<String> merged = new ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        context = Collections.unmodifiableMap(keys);
    }
}
