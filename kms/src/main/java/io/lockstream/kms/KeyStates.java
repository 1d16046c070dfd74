package io.lockstream.kms;

import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsKey;

/** Which operations a key state allows, with AWS's error for each refusal (aws-wire.md §4.3). */
final class KeyStates {
    private KeyStates() {
    }

    /** Encrypt, Decrypt, ReEncrypt, GenerateDataKey*: only Enabled keys. */
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

    /** EnableKey, DisableKey, TagResource, UpdateKeyDescription, CreateAlias, ScheduleKeyDeletion. */
    static void requireNotPendingDeletion(KmsKey key) {
        if (KmsKey.PENDING_DELETION.equals(key.keyState())) {
            throw new AwsException("KMSInvalidStateException", key.arn() + " is pending deletion.");
        }
    }

    /** Encrypt/Decrypt/GenerateDataKey need a symmetric encryption key. */
    static void requireSymmetricEncryption(KmsKey key, String operation) {
        if (!key.symmetricEncryption()) {
            throw new AwsException("InvalidKeyUsageException", key.arn() + " key usage is " + key.keyUsage()
                    + " which is not valid for " + operation + ".");
        }
    }
}
