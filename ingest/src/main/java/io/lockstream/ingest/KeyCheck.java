package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.kms.KeyService;

/**
 * Checks, before a key is associated with a log group, that the logs service may use it for that group:
 * the key exists, is a symmetric encryption key, is enabled, and its policy lets the logs service principal
 * generate data keys with the group's encryption context. Errors follow aws-wire.md §5.2.
 */
final class KeyCheck {
    private final KeyService keys;

    KeyCheck(KeyService keys) {
        this.keys = keys;
    }

    void requireUsable(String keyArn, String groupArn) {
        try {
            // Only GenerateDataKey, with the group's context: the documented key policy conditions every logs
            // action on kms:EncryptionContext:aws:logs:arn, so a context-less DescribeKey would be denied.
            // Asymmetric keys fail here with InvalidKeyUsageException.
            keys.generateDataKey(keyArn, EncryptionContext.forLogGroup(groupArn)).destroy();
        } catch (AwsException e) {
            switch (e.type()) {
                case "DisabledException":
                    throw AwsException.invalidParameter("The specified KMS key is disabled: " + keyArn);
                case "KMSInvalidStateException":
                    throw AwsException.invalidParameter("The specified KMS key is not usable (" + e.getMessage() + ")");
                case "InvalidKeyUsageException":
                    throw AwsException.invalidParameter(
                            "Only symmetric encryption KMS keys can be associated with a log group: " + keyArn);
                default:
                    if (e.status() >= 500) {
                        throw e;
                    }
                    throw AwsException.accessDenied("The specified KMS key does not exist or is not allowed to be used "
                            + "with Arn '" + groupArn + "'");
            }
        }
    }
}
