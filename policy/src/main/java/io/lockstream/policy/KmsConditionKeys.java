package io.lockstream.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the condition-key context of a KMS request (KMS-DG {@code conditions-kms.md}; IAM-UG
 * {@code reference_policies_condition-keys.md}):
 * <ul>
 *   <li>{@code kms:EncryptionContext:<key>} — one entry per encryption-context pair (single-valued);</li>
 *   <li>{@code kms:EncryptionContextKeys} — the context's keys (multi-valued), absent if the context is empty;</li>
 *   <li>{@code kms:CallerAccount}, {@code aws:PrincipalAccount} — the caller's account (IAM callers);</li>
 *   <li>{@code aws:PrincipalArn} — the caller ARN; for a role session the role ARN;</li>
 *   <li>{@code aws:PrincipalType} — {@code Account}, {@code User} or {@code AssumedRole} (IAM callers);</li>
 *   <li>{@code aws:PrincipalServiceName} — the service name, for service principals only.</li>
 * </ul>
 */
public final class KmsConditionKeys {

    /** Prefix of the per-pair encryption-context keys. */
    public static final String ENCRYPTION_CONTEXT_PREFIX = "kms:EncryptionContext:";
    /** Multi-valued list of encryption-context keys. */
    public static final String ENCRYPTION_CONTEXT_KEYS = "kms:EncryptionContextKeys";
    /** Caller's account. */
    public static final String CALLER_ACCOUNT = "kms:CallerAccount";
    /** Caller's principal ARN. */
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    /** Caller's account. */
    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    /** Service principal name. */
    public static final String PRINCIPAL_SERVICE_NAME = "aws:PrincipalServiceName";
    /** Principal type. */
    public static final String PRINCIPAL_TYPE = "aws:PrincipalType";

    private KmsConditionKeys() {
    }

    /**
     * @param caller            the caller
     * @param encryptionContext the request's encryption context (empty if none)
     * @return the condition context, in a stable order
     */
    public static Map<String, List<String>> of(Caller caller, Map<String, String> encryptionContext) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        encryptionContext.forEach((k, v) -> context.put(ENCRYPTION_CONTEXT_PREFIX + k, List.of(v)));
        if (!encryptionContext.isEmpty()) {
            context.put(ENCRYPTION_CONTEXT_KEYS, List.copyOf(encryptionContext.keySet()));
        }
        if (caller.kind() == Caller.Kind.SERVICE) {
            context.put(PRINCIPAL_SERVICE_NAME, List.of(caller.arn()));
            return context;
        }
        context.put(CALLER_ACCOUNT, List.of(caller.account()));
        context.put(PRINCIPAL_ACCOUNT, List.of(caller.account()));
        context.put(PRINCIPAL_ARN, List.of(PrincipalArn.principalArnOf(caller.arn())));
        context.put(PRINCIPAL_TYPE, List.of(switch (caller.kind()) {
            case ACCOUNT_ROOT -> "Account";
            case USER -> "User";
            default -> "AssumedRole";
        }));
        return context;
    }
}
