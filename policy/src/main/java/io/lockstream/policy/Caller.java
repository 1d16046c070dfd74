package io.lockstream.policy;

import java.util.List;
import java.util.Objects;

/**
 * The authenticated principal making a request.
 *
 * @param kind              what sort of principal it is
 * @param arn               the caller ARN ({@code arn:aws:iam::ACCT:root}, a user ARN, a role ARN or
 *                          an {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION} ARN); for
 *                          {@link Kind#SERVICE} the service name, e.g. {@code logs.us-west-2.amazonaws.com}
 * @param account           the caller's 12-digit account id; null for {@link Kind#SERVICE}
 * @param identityPolicies  the IAM identity-based policies attached to a user or role; empty for
 *                          the account root and for services
 */
public record Caller(Kind kind, String arn, String account, List<PolicyDocument> identityPolicies) {

    /** The sort of principal. */
    public enum Kind {
        /** The account root user, {@code arn:aws:iam::ACCT:root}. */
        ACCOUNT_ROOT,
        /** An IAM user. */
        USER,
        /** An IAM role or one of its assumed-role sessions. */
        ROLE,
        /** An AWS service principal such as {@code logs.us-west-2.amazonaws.com}. */
        SERVICE
    }

    /**
     * @throws IllegalArgumentException if the account is missing for an IAM caller or identity
     *                                  policies are given for the root user or a service
     */
    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arn, "arn");
        identityPolicies = List.copyOf(identityPolicies);
        if (kind != Kind.SERVICE && (account == null || !account.matches("\\d{12}"))) {
            throw new IllegalArgumentException("an IAM caller needs a 12-digit account id");
        }
        if ((kind == Kind.ACCOUNT_ROOT || kind == Kind.SERVICE) && !identityPolicies.isEmpty()) {
            throw new IllegalArgumentException(kind + " callers have no identity-based policies");
        }
    }

    /**
     * @param account a 12-digit account id
     * @return the root user of that account
     */
    public static Caller accountRoot(String account) {
        return new Caller(Kind.ACCOUNT_ROOT, "arn:aws:iam::" + account + ":root", account, List.of());
    }

    /**
     * @param userArn          an IAM user ARN
     * @param identityPolicies the user's identity-based policies
     * @return the user
     */
    public static Caller user(String userArn, List<PolicyDocument> identityPolicies) {
        return new Caller(Kind.USER, userArn, PrincipalArn.accountOf(userArn).orElse(null), identityPolicies);
    }

    /**
     * @param roleOrSessionArn a role ARN or an assumed-role session ARN
     * @param identityPolicies the role's identity-based policies
     * @return the role caller
     */
    public static Caller role(String roleOrSessionArn, List<PolicyDocument> identityPolicies) {
        return new Caller(Kind.ROLE, roleOrSessionArn, PrincipalArn.accountOf(roleOrSessionArn).orElse(null), identityPolicies);
    }

    /**
     * @param serviceName e.g. {@code logs.us-west-2.amazonaws.com}
     * @return the service principal
     */
    public static Caller service(String serviceName) {
        return new Caller(Kind.SERVICE, serviceName, null, List.of());
    }
}
