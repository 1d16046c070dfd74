package io.lockstream.kms;

import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsKey;

/** Which operations a key state allows, with AWS's error for each refusal (aws-wire.md §4.3). */
final class KeyStates {
    private KeyStates() {
    }

    /** Encrypt, Decrypt, ReEncrypt, GenerateDataKey*, Sign, Verify, GenerateMac, VerifyMac: only Enabled keys. */
    static void requireUsableForCrypto(KmsKey key) {
        switch (key.keyState()) {
            case KmsKey.ENABLED:
                return;
            case KmsKey.DISABLED:
                throw new AwsException("DisabledException", key.arn() + " is disabled.");
            case KmsKey.PENDING_DELETION:
                throw new AwsException("KMSInvalidStateException", key.arn() + " is pending deletion.");
            default:
                throw new AwsException("KMSInvalidStateException", key.arn() + " is " + key.keyState() + ".");
        }
    }

    /**
     * EnableKeyRotation, DisableKeyRotation, RotateKeyOnDemand: Disabled and PendingDeletion keys are
     * KMSInvalidStateException (KMS-DG key-state.md), not DisabledException.
     */
    static void requireEnabledForManagement(KmsKey key) {
        requireNotPendingDeletion(key);
        if (!KmsKey.ENABLED.equals(key.keyState())) {
            throw new AwsException("KMSInvalidStateException", key.arn() + " is disabled.");
        }
    }

    /** EnableKey, DisableKey, TagResource, UntagResource, UpdateKeyDescription, CreateAlias, ScheduleKeyDeletion. */
    static void requireNotPendingDeletion(KmsKey key) {
        if (KmsKey.PENDING_DELETION.equals(key.keyState())) {
            throw new AwsException("KMSInvalidStateException", key.arn() + " is pending deletion.");
        }
    }

    /**
     * The key's usage must be {@code usage}: "ARN key usage is SIGN_VERIFY which is not valid for Encrypt."
     * (LS snapshot test_error_messaging_for_invalid_keys, aws-wire.md §4.3).
     */
    static void requireUsage(KmsKey key, String usage, String operation) {
        if (!usage.equals(key.keyUsage())) {
            throw new AwsException("InvalidKeyUsageException", key.arn() + " key usage is " + key.keyUsage()
                    + " which is not valid for " + operation + ".");
        }
    }

    /** GenerateDataKey*: symmetric encryption keys only; an RSA encryption key is refused by its spec. */
    static void requireSymmetricEncryption(KmsKey key, String operation) {
        requireUsage(key, "ENCRYPT_DECRYPT", operation);
        if (!key.symmetricEncryption()) {
            throw new AwsException("InvalidKeyUsageException", key.arn() + " key spec is " + key.keySpec()
                    + " which is not valid for " + operation + ".");
        }
    }
}
