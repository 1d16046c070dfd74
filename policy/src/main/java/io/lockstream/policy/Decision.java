package io.lockstream.policy;

import java.util.Objects;

/**
 * The result of {@link PolicyEvaluator#evaluate}.
 *
 * @param outcome the outcome
 * @param basis   which policy type decided: for {@link Outcome#ALLOW} the one that granted (the key
 *                policy directly, or an identity policy through delegation); for
 *                {@link Outcome#EXPLICIT_DENY} where the deny was; for {@link Outcome#IMPLICIT_DENY}
 *                {@link PolicyType#RESOURCE_BASED} if no key-policy statement allows the caller or its
 *                account, {@link PolicyType#IDENTITY_BASED} if the key policy delegates to the
 *                caller's account but no identity policy allows
 */
public record Decision(Outcome outcome, PolicyType basis) {

    /** How the request was decided. */
    public enum Outcome {
        /** Allowed. */
        ALLOW,
        /** Denied by a Deny statement. */
        EXPLICIT_DENY,
        /** Denied because nothing allows it. */
        IMPLICIT_DENY
    }

    /** The kind of policy behind a decision. */
    public enum PolicyType {
        /** The key policy. */
        RESOURCE_BASED,
        /** An IAM identity-based policy of the caller. */
        IDENTITY_BASED
    }

    /** Creates a decision. */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(basis, "basis");
    }

    /** @return true if the request is allowed */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * The AccessDeniedException message real KMS returns (aws-wire.md §4.5 item 7), e.g.
     * "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on
     * resource: arn:aws:kms:...:key/... because no resource-based policy allows the kms:Decrypt action".
     *
     * @param callerArn the caller ARN (for a service, its name)
     * @param action    the action, e.g. {@code kms:Decrypt}
     * @param keyArn    the key ARN
     * @return the message
     * @throws IllegalStateException if the request was allowed
     */
    public String message(String callerArn, String action, String keyArn) {
        String head = "User: " + callerArn + " is not authorized to perform: " + action + " on resource: " + keyArn;
        return switch (outcome) {
            case ALLOW -> throw new IllegalStateException("an allowed request has no denial message");
            case EXPLICIT_DENY -> head + (basis == PolicyType.RESOURCE_BASED
                    ? " with an explicit deny in a resource-based policy"
                    : " with an explicit deny in an identity-based policy");
            case IMPLICIT_DENY -> head + (basis == PolicyType.RESOURCE_BASED
                    ? " because no resource-based policy allows the " + action + " action"
                    : " because no identity-based policy allows the " + action + " action");
        };
    }
}
