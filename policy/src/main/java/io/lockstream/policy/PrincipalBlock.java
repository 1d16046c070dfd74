package io.lockstream.policy;

import java.util.List;

/**
 * A statement's {@code Principal} ({@code negated == false}) or {@code NotPrincipal}
 * ({@code negated == true}) element; the entries are ORed.
 *
 * @param negated    true for {@code NotPrincipal}
 * @param principals the entries, at least one
 */
public record PrincipalBlock(boolean negated, List<Principal> principals) {

    /**
     * @throws IllegalArgumentException if {@code principals} is empty
     */
    public PrincipalBlock {
        principals = List.copyOf(principals);
        if (principals.isEmpty()) {
            throw new IllegalArgumentException("a principal element needs at least one principal");
        }
    }

    /**
     * @param principals the entries
     * @return a {@code Principal} element
     */
    public static PrincipalBlock of(Principal... principals) {
        return new PrincipalBlock(false, List.of(principals));
    }

    /**
     * @param principals the excluded entries
     * @return a {@code NotPrincipal} element
     */
    public static PrincipalBlock not(Principal... principals) {
        return new PrincipalBlock(true, List.of(principals));
    }
}
