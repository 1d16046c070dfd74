package io.lockstream.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy statement (IAM-UG {@code reference_policies_elements.md}). Key-policy statements carry
 * a {@code Principal} or {@code NotPrincipal}; identity-policy statements carry none (they apply to
 * the identity they are attached to).
 *
 * @param sid        the {@code Sid}, or null if absent
 * @param effect     Allow or Deny
 * @param principal  the principal element; empty for identity-based policies
 * @param action     the {@code Action}/{@code NotAction} element
 * @param resource   the {@code Resource}/{@code NotResource} element
 * @param conditions the condition entries, all of which must hold; empty if there is no {@code Condition}
 */
public record Statement(String sid, Effect effect, Optional<PrincipalBlock> principal, ActionBlock action,
                        ResourceBlock resource, List<Condition> conditions) {

    /**
     * @throws NullPointerException if a required component is null
     */
    public Statement {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        conditions = List.copyOf(conditions);
    }

    /**
     * @param conditions the replacement conditions
     * @return a copy of this statement with other conditions
     */
    public Statement withConditions(List<Condition> conditions) {
        return new Statement(sid, effect, principal, action, resource, conditions);
    }
}
