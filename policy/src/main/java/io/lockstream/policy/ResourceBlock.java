package io.lockstream.policy;

import java.util.List;

/**
 * A statement's {@code Resource} or {@code NotResource} element. In a key policy {@code "*"} means
 * "this KMS key" (KMS-DG {@code key-policy-overview.md}); any other value is an ARN pattern matched
 * case-sensitively against the key ARN with {@code *}/{@code ?} wildcards (IAM-UG
 * {@code reference_policies_elements_resource.md}).
 *
 * @param negated  true for {@code NotResource}
 * @param patterns the resource patterns; at least one
 */
public record ResourceBlock(boolean negated, List<String> patterns) {

    /**
     * @throws IllegalArgumentException if {@code patterns} is empty
     */
    public ResourceBlock {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a resource element needs at least one resource");
        }
    }

    /**
     * @param patterns resource patterns
     * @return a {@code Resource} element
     */
    public static ResourceBlock of(String... patterns) {
        return new ResourceBlock(false, List.of(patterns));
    }

    /**
     * @param patterns excluded resource patterns
     * @return a {@code NotResource} element
     */
    public static ResourceBlock not(String... patterns) {
        return new ResourceBlock(true, List.of(patterns));
    }

    /**
     * @param resourceArn the key ARN of the request
     * @return whether this element covers the resource
     */
    public boolean matches(String resourceArn) {
        boolean listed = patterns.stream().anyMatch(p -> Wildcard.matches(p, resourceArn, false));
        return listed != negated;
    }
}
