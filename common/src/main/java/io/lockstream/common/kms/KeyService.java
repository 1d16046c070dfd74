package io.lockstream.common.kms;

import java.util.Map;

/**
 * The seam through which the pipeline reaches a key service: Lockstream's own KMS in process, or any
 * AWS-KMS-compatible endpoint through the AWS SDK. Implementations act as one fixed principal (the logs
 * service principal) and send the encryption context on every call, so the key policy decides.
 *
 * <p>Failures are {@link io.lockstream.common.aws.AwsException}s carrying the KMS error type
 * ({@code AccessDeniedException}, {@code DisabledException}, {@code KMSInvalidStateException},
 * {@code NotFoundException}, {@code InvalidCiphertextException}).
 */
public interface KeyService {

    /** GenerateDataKey with {@code KeySpec=AES_256}. The caller owns (and must destroy) the returned key. */
    DataKey generateDataKey(String keyId, Map<String, String> encryptionContext);

    /**
     * Decrypt of a data key produced by {@link #generateDataKey}. The KMS checks key state and policy now.
     *
     * @param keyId the key the ciphertext must belong to (KMS {@code KeyId}, checked by the KMS)
     */
    DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext);

    /** DescribeKey: the key's ARN and whether it is usable for symmetric encryption right now. */
    KeyDescription describeKey(String keyId);

    /**
     * What the pipeline needs to know about a key.
     *
     * @param arn key ARN
     * @param keyState Enabled, Disabled, PendingDeletion, ...
     * @param symmetricEncryption true for a SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT key
     */
    record KeyDescription(String arn, String keyState, boolean symmetricEncryption) {
    }
}
