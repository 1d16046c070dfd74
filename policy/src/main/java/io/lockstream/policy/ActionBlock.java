package io.lockstream.policy;

import java.util.List;

/**
 * A statement's {@code Action} or {@code NotAction} element. Action names are matched
 * case-insensitively with {@code *} and {@code ?} wildcards ("Action values are case insensitive",
 * IAM-UG {@code reference_policies_elements_action.md}); {@code NotAction} matches every action
 * not listed (IAM-UG {@code reference_policies_elements_notaction.md}).
 *
 * @param negated  true for {@code NotAction}
 * @param patterns the action patterns, e.g. {@code kms:Encrypt*}; at least one
 */
public record ActionBlock(boolean negated, List<String> patterns) {

    /**
     * @throws IllegalArgumentException if {@code patterns} is empty
     */
    public ActionBlock {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("an action element needs at least one action");
        }
    }

    /**
     * @param patterns action patterns
     * @return an {@code Action} element
     */
    public static ActionBlock of(String... patterns) {
        return new ActionBlock(false, List.of(patterns));
    }

    /**
     * @param patterns excluded action patterns
     * @return a {@code NotAction} element
     */
    public static ActionBlock not(String... patterns) {
        return new ActionBlock(true, List.of(patterns));
    }

    /**
     * @param action the requested action, e.g. {@code kms:Decrypt}
     * @return whether this element covers the action
     */
    public boolean matches(String action) {
        boolean listed = patterns.stream().anyMatch(p -> Wildcard.matches(p, action, true));
        return listed != negated;
    }
}
