package io.lockstream.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@code Principal}/{@code NotPrincipal} element (IAM-UG
 * {@code reference_policies_elements_principal.md}; KMS-DG {@code key-policy-overview.md}).
 *
 * <p>{@code "Principal": "*"} is {@link Type#ANY}; {@code {"AWS": "..."}} is {@link Type#AWS} with
 * the string as written (an account root ARN, a bare 12-digit account id, an IAM user or role ARN,
 * an STS assumed-role session ARN, or {@code "*"}, which the IAM docs define as equivalent to
 * {@code "Principal": "*"}); {@code {"Service": "..."}} is {@link Type#SERVICE}.
 *
 * @param type  which key of the principal object the value came from
 * @param value the principal string as written ({@code "*"} for {@link Type#ANY})
 */
public record Principal(Type type, String value) {

    /** The kind of principal entry. */
    public enum Type {
        /** {@code "Principal": "*"}: every caller, including service principals. */
        ANY,
        /** An entry of the {@code "AWS"} key. */
        AWS,
        /** An entry of the {@code "Service"} key, e.g. {@code logs.us-west-2.amazonaws.com}. */
        SERVICE
    }

    /**
     * Creates a principal entry.
     *
     * @throws NullPointerException if an argument is null
     */
    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** @return {@code "Principal": "*"} */
    public static Principal any() {
        return new Principal(Type.ANY, "*");
    }

    /**
     * @param value an account id, account root ARN, user/role/assumed-role ARN or {@code "*"}
     * @return an {@code {"AWS": value}} entry
     */
    public static Principal aws(String value) {
        return new Principal(Type.AWS, value);
    }

    /**
     * @param serviceName e.g. {@code logs.us-west-2.amazonaws.com}
     * @return a {@code {"Service": serviceName}} entry
     */
    public static Principal service(String serviceName) {
        return new Principal(Type.SERVICE, serviceName);
    }

    /** @return true for {@code "*"} and {@code {"AWS": "*"}}, which both mean everyone */
    public boolean isWildcard() {
        return type == Type.ANY || (type == Type.AWS && "*".equals(value));
    }

    /**
     * @return the account id if this entry is an account principal ({@code arn:aws:iam::ACCT:root}
     *         or a bare 12-digit id), the form that delegates to IAM (KMS-DG {@code key-policy-default.md})
     */
    public Optional<String> accountId() {
        if (type != Type.AWS) {
            return Optional.empty();
        }
        return PrincipalArn.accountOfAccountPrincipal(value);
    }

    /**
     * Whether this entry is well formed: {@code *}; an {@code AWS} value that is a 12-digit account
     * id, an account root, IAM user or role ARN, or an STS assumed-role ARN (no partial wildcards,
     * IAM-UG {@code reference_policies_elements_principal.md}); or a {@code Service} value ending in
     * {@code .amazonaws.com}.
     *
     * @return true if KMS would accept this principal
     */
    public boolean isWellFormed() {
        return switch (type) {
            case ANY -> "*".equals(value);
            case AWS -> "*".equals(value) || PrincipalArn.isValidAwsPrincipal(value);
            case SERVICE -> PrincipalArn.isValidServiceName(value);
        };
    }
}
