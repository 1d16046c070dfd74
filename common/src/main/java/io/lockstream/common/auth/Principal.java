package io.lockstream.common.auth;

import java.util.Objects;

/**
 * Who is calling: an IAM-style identity of an account, or an AWS service principal.
 *
 * @param kind what sort of identity this is
 * @param arn the identity's ARN ({@code arn:aws:iam::123456789012:root}, {@code ...:user/alice},
 *     {@code ...:role/r}); for a service, the service name ({@code logs.us-west-2.amazonaws.com})
 * @param account the 12-digit account the identity belongs to (for a service, the account it acts in)
 */
public record Principal(Kind kind, String arn, String account) {

    /** The sorts of identity Lockstream knows. */
    public enum Kind { ACCOUNT_ROOT, USER, ROLE, SERVICE }

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
    }

    /** The account root user {@code arn:aws:iam::ACCOUNT:root}. */
    public static Principal accountRoot(String account) {
        return new Principal(Kind.ACCOUNT_ROOT, "arn:aws:iam::" + account + ":root", account);
    }

    /** A service principal such as {@code logs.us-west-2.amazonaws.com}, acting in {@code account}. */
    public static Principal service(String serviceName, String account) {
        return new Principal(Kind.SERVICE, serviceName, account);
    }

    /** True for a service principal. */
    public boolean isService() {
        return kind == Kind.SERVICE;
    }
}
