package io.lockstream.kms.authz;

import io.lockstream.common.auth.Principal;
import io.lockstream.kms.store.KmsKey;
import java.util.Map;

/**
 * Decides whether a caller may perform a KMS action, as AWS KMS does (aws-wire.md §4.5): the key policy,
 * together with the caller's identity policies where the key policy delegates to the account.
 */
public interface KeyAuthorizer {

    /**
     * Requires permission for {@code action} (for example {@code kms:Decrypt}) on {@code key}.
     *
     * @param encryptionContext the request's encryption context (condition keys), empty if none
     * @throws io.lockstream.common.aws.AwsException {@code AccessDeniedException} with AWS's wording
     */
    void require(Principal caller, String action, KmsKey key, Map<String, String> encryptionContext);

    /**
     * Requires permission for an action that has no key resource ({@code kms:CreateKey},
     * {@code kms:ListKeys}): decided by the caller's identity policies alone.
     */
    void requireAccountAction(Principal caller, String action);

    /**
     * Validates a key policy document for CreateKey / PutKeyPolicy: syntax and principals
     * ({@code MalformedPolicyDocumentException}), size ({@code LimitExceededException}) and, unless
     * bypassed, the lockout safety check: the new policy must still let {@code caller} call PutKeyPolicy.
     */
    void validatePolicy(String policy, Principal caller, KmsKey key, boolean bypassLockoutSafetyCheck);
}
