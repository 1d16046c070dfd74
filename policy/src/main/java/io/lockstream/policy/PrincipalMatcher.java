package io.lockstream.policy;

/**
 * Decides how a key-policy principal element relates to a caller (KMS-DG
 * {@code key-policy-default.md}, {@code determining-access-key-policy.md}; IAM-UG
 * {@code reference_policies_elements_principal.md} and {@code reference_policies_elements_notprincipal.md}).
 */
final class PrincipalMatcher {

    /** How a statement's principal element covers the caller. */
    enum Match {
        /** Not at all. */
        NONE,
        /** Only through the caller's account principal: delegation to the account's IAM policies. */
        ACCOUNT,
        /** The caller itself (or everyone, or the root user by its account). */
        DIRECT
    }

    private PrincipalMatcher() {
    }

    static Match match(PrincipalBlock block, Caller caller) {
        if (block.negated()) {
            return notPrincipalApplies(block, caller) ? Match.DIRECT : Match.NONE;
        }
        Match best = Match.NONE;
        for (Principal p : block.principals()) {
            Match m = match(p, caller);
            if (m.compareTo(best) > 0) {
                best = m;
            }
        }
        return best;
    }

    /**
     * NotPrincipal excludes a caller only if every identity AWS checks for it is listed: "When you
     * use NotPrincipal, you must also specify the account ARN of the not-denied principal. Otherwise,
     * the policy might deny access to the entire account containing the principal" (IAM-UG
     * {@code reference_policies_elements_notprincipal.md}). A user or role caller is checked as its
     * account and as itself; the root user as its account; a service as itself.
     */
    private static boolean notPrincipalApplies(PrincipalBlock block, Caller caller) {
        boolean selfListed = block.principals().stream().anyMatch(p -> match(p, caller) == Match.DIRECT);
        if (caller.kind() == Caller.Kind.SERVICE || caller.kind() == Caller.Kind.ACCOUNT_ROOT) {
            return !selfListed;
        }
        boolean accountListed = block.principals().stream()
                .anyMatch(p -> p.isWildcard() || p.accountId().filter(caller.account()::equals).isPresent());
        return !(selfListed && accountListed);
    }

    private static Match match(Principal p, Caller caller) {
        if (p.isWildcard()) {
            return Match.DIRECT;
        }
        if (p.type() == Principal.Type.SERVICE) {
            return caller.kind() == Caller.Kind.SERVICE && p.value().equalsIgnoreCase(caller.arn()) ? Match.DIRECT : Match.NONE;
        }
        if (p.type() != Principal.Type.AWS || caller.kind() == Caller.Kind.SERVICE) {
            return Match.NONE;
        }
        var account = p.accountId();
        if (account.isPresent()) {
            if (!account.get().equals(caller.account())) {
                return Match.NONE;
            }
            return caller.kind() == Caller.Kind.ACCOUNT_ROOT ? Match.DIRECT : Match.ACCOUNT;
        }
        return switch (caller.kind()) {
            case USER -> p.value().equals(caller.arn()) && PrincipalArn.isUser(p.value()) ? Match.DIRECT : Match.NONE;
            case ROLE -> PrincipalArn.roleCovers(p.value(), caller.arn()) ? Match.DIRECT : Match.NONE;
            default -> Match.NONE;
        };
    }
}
