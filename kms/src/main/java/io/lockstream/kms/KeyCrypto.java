package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.crypto.Asymmetric;
import io.lockstream.kms.crypto.CiphertextBlob;
import io.lockstream.kms.store.KmsKey;
import java.util.Map;
import java.util.Objects;

/**
 * The cryptographic operations: Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), Sign,
 * Verify, GenerateMac, VerifyMac, GetPublicKey. Every call: resolve, authorise (with the encryption context as
 * condition keys), check state, check usage, then compute.
 */
public final class KeyCrypto {
    static final String SYMMETRIC = "SYMMETRIC_DEFAULT";
    private static final String DECRYPT_DENIED = "The ciphertext refers to a customer master key that does not exist, "
            + "does not exist in this region, or you are not allowed to access.";

    private final KmsCore core;

    KeyCrypto(KmsCore core) {
        this.core = core;
    }

    /** The result of Encrypt / GenerateDataKey / Decrypt: bytes, the key ARN and the algorithm used. */
    public record CryptoResult(byte[] plaintext, byte[] ciphertextBlob, String keyArn, String algorithm) {
    }

    /** The result of ReEncrypt. */
    public record ReEncrypted(byte[] ciphertextBlob, String sourceKeyArn, String keyArn, String sourceAlgorithm,
                              String destinationAlgorithm) {
    }

    public CryptoResult encrypt(Principal caller, String keyId, byte[] plaintext, Map<String, String> context,
                                String algorithm) {
        requireLength("plaintext", plaintext, 4096);
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, "kms:Encrypt", key, context);
        return seal(key, plaintext, context, algorithm, "Encrypt");
    }

    /** GenerateDataKey: a random data key of {@code bytes} bytes, in plaintext and sealed under the key. */
    public CryptoResult generateDataKey(Principal caller, String keyId, int bytes, Map<String, String> context,
                                        boolean withPlaintext) {
        String action = withPlaintext ? "kms:GenerateDataKey" : "kms:GenerateDataKeyWithoutPlaintext";
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, action, key, context);
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireSymmetricEncryption(key, action.substring(4));
        byte[] dataKey = KmsCore.random(bytes);
        byte[] blob = sealSymmetric(key, dataKey, context);
        return new CryptoResult(withPlaintext ? dataKey : null, blob, key.arn(), SYMMETRIC);
    }

    /**
     * Decrypt: for symmetric blobs the key comes from the blob; an explicit {@code keyId} must name that same
     * key ({@code IncorrectKeyException}); RSA ciphertexts need the {@code keyId}. A wrong context or a damaged
     * blob is {@code InvalidCiphertextException} with an empty message, as in AWS.
     */
    public CryptoResult decrypt(Principal caller, byte[] blob, Map<String, String> context, String keyId,
                                String algorithm) {
        return open(caller, "kms:Decrypt", "Decrypt", blob, context, keyId, algorithm);
    }

    /** ReEncrypt: kms:ReEncryptFrom on the source key, kms:ReEncryptTo on the destination key (KMS-DG). */
    public ReEncrypted reEncrypt(Principal caller, byte[] blob, Map<String, String> sourceContext, String sourceKeyId,
                                 String sourceAlgorithm, String destinationKeyId,
                                 Map<String, String> destinationContext, String destinationAlgorithm) {
        CryptoResult from = open(caller, "kms:ReEncryptFrom", "ReEncrypt", blob, sourceContext, sourceKeyId,
                sourceAlgorithm);
        KmsKey dest = core.resolver.resolve(destinationKeyId);
        core.authorizer.require(caller, "kms:ReEncryptTo", dest, destinationContext);
        CryptoResult to = seal(dest, from.plaintext(), destinationContext, destinationAlgorithm, "ReEncrypt");
        return new ReEncrypted(to.ciphertextBlob(), from.keyArn(), to.keyArn(), from.algorithm(), to.algorithm());
    }

    private CryptoResult open(Principal caller, String action, String operation, byte[] blob,
                              Map<String, String> context, String keyId, String algorithm) {
        requireLength("ciphertextBlob", blob, 6144);
        KmsKey named = keyId == null ? null : core.resolver.resolve(keyId);
        if (named != null && named.asymmetric()) {
            core.authorizer.require(caller, action, named, context);
            return openRsa(named, blob, context, algorithm, operation);
        }
        String alg = Objects.requireNonNullElse(algorithm, SYMMETRIC);
        CiphertextBlob.Header header = CiphertextBlob.header(blob)
                .orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        KmsKey key = core.store.find(header.keyId()).orElseThrow(() -> AwsException.accessDenied(DECRYPT_DENIED));
        if (named != null && !named.keyId().equals(key.keyId())) {
            throw new AwsException("IncorrectKeyException",
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        core.authorizer.require(caller, action, key, context);
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireSymmetricEncryption(key, operation);
        requireAlgorithm(key, alg);
        KmsKey.Material material = key.materials().stream().filter(m -> m.version() == header.materialVersion())
                .findFirst().orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        byte[] plain = CiphertextBlob.decrypt(blob, header, core.secret(key, material), context)
                .orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        return new CryptoResult(plain, null, key.arn(), SYMMETRIC);
    }

    private CryptoResult openRsa(KmsKey key, byte[] blob, Map<String, String> context, String algorithm,
                                 String operation) {
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireUsage(key, "ENCRYPT_DECRYPT", operation);
        requireNoContext(key, context);
        requireAlgorithm(key, algorithm == null ? SYMMETRIC : algorithm);
        byte[] plain = Asymmetric.rsaDecrypt(core.privateKey(key), algorithm, blob);
        if (plain == null) {
            throw new AwsException("InvalidCiphertextException", "");
        }
        return new CryptoResult(plain, null, key.arn(), algorithm);
    }

    private CryptoResult seal(KmsKey key, byte[] plaintext, Map<String, String> context, String algorithm,
                              String operation) {
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireUsage(key, "ENCRYPT_DECRYPT", operation);
        String alg = Objects.requireNonNullElse(algorithm, SYMMETRIC);
        requireAlgorithm(key, alg);
        if (key.asymmetric()) {
            requireNoContext(key, context);
            int max = KeySpecs.maxRsaPlaintext(key.keySpec(), alg);
            if (plaintext.length > max) {
                // LocalStack's AWS-derived wording for the RSAES_OAEP size limits
                throw AwsException.validation("Algorithm " + alg + " and key spec " + key.keySpec()
                        + " cannot encrypt data larger than " + max + " bytes.");
            }
            return new CryptoResult(null, Asymmetric.rsaEncrypt(key.publicKey(), alg, plaintext), key.arn(), alg);
        }
        return new CryptoResult(null, sealSymmetric(key, plaintext, context), key.arn(), SYMMETRIC);
    }

    private byte[] sealSymmetric(KmsKey key, byte[] plaintext, Map<String, String> context) {
        KmsKey.Material current = key.currentMaterial();
        return CiphertextBlob.encrypt(key.keyId(), current.version(), core.secret(key, current), plaintext, context);
    }

    /** The result of Sign / Verify / GenerateMac / VerifyMac. */
    public record Signed(byte[] value, boolean valid, String keyArn, String algorithm) {
    }

    /** Sign: RAW messages are hashed by the algorithm, DIGEST messages must have the digest's length. */
    public Signed sign(Principal caller, String keyId, byte[] message, boolean digest, String algorithm) {
        KmsKey key = signingKey(caller, keyId, "kms:Sign", "Sign", message, digest, algorithm);
        return new Signed(Asymmetric.sign(key.keySpec(), core.privateKey(key), algorithm, message, digest), true,
                key.arn(), algorithm);
    }

    /** Verify: an invalid signature is KMSInvalidSignatureException (API reference, Verify). */
    public Signed verify(Principal caller, String keyId, byte[] message, boolean digest, String algorithm,
                         byte[] signature) {
        KmsKey key = signingKey(caller, keyId, "kms:Verify", "Verify", message, digest, algorithm);
        if (!Asymmetric.verify(key.keySpec(), key.publicKey(), algorithm, message, digest, signature)) {
            throw new AwsException("KMSInvalidSignatureException", "");
        }
        return new Signed(null, true, key.arn(), algorithm);
    }

    private KmsKey signingKey(Principal caller, String keyId, String action, String operation, byte[] message,
                              boolean digest, String algorithm) {
        requireLength("message", message, 4096);
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, action, key, Map.of());
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireUsage(key, "SIGN_VERIFY", operation);
        if (!KeySpecs.signingAlgorithms(key.keySpec(), key.keyUsage()).contains(algorithm)) {
            throw incompatible(algorithm, key);
        }
        if (digest && message.length != Asymmetric.digestLength(algorithm)) {
            throw AwsException.validation("Digest is invalid length for algorithm " + algorithm + ".");
        }
        return key;
    }

    public Signed generateMac(Principal caller, String keyId, byte[] message, String algorithm) {
        KmsKey key = macKey(caller, keyId, "kms:GenerateMac", "GenerateMac", message, algorithm);
        return new Signed(Asymmetric.mac(algorithm, core.secret(key, key.currentMaterial()), message), true,
                key.arn(), algorithm);
    }

    /** VerifyMac: a wrong MAC is KMSInvalidMacException (API reference, VerifyMac). */
    public Signed verifyMac(Principal caller, String keyId, byte[] message, String algorithm, byte[] mac) {
        KmsKey key = macKey(caller, keyId, "kms:VerifyMac", "VerifyMac", message, algorithm);
        byte[] expected = Asymmetric.mac(algorithm, core.secret(key, key.currentMaterial()), message);
        if (!Asymmetric.equal(expected, mac)) {
            throw new AwsException("KMSInvalidMacException", "");
        }
        return new Signed(null, true, key.arn(), algorithm);
    }

    private KmsKey macKey(Principal caller, String keyId, String action, String operation, byte[] message,
                          String algorithm) {
        requireLength("message", message, 4096);
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, action, key, Map.of());
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireUsage(key, "GENERATE_VERIFY_MAC", operation);
        if (!KeySpecs.macAlgorithms(key.keySpec()).contains(algorithm)) {
            throw incompatible(algorithm, key);
        }
        return key;
    }

    /** GetPublicKey: asymmetric keys only; works for Disabled keys as observed on AWS (LS note), not pending deletion. */
    public KmsKey getPublicKey(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, "kms:GetPublicKey", key, Map.of());
        KeyStates.requireNotPendingDeletion(key);
        if (!key.asymmetric()) {
            throw new AwsException("UnsupportedOperationException", key.arn() + " key usage is " + key.keyUsage()
                    + " which is not valid for GetPublicKey.");
        }
        return key;
    }

    private static void requireAlgorithm(KmsKey key, String algorithm) {
        if (!KeySpecs.encryptionAlgorithms(key.keySpec(), key.keyUsage()).contains(algorithm)) {
            throw incompatible(algorithm, key);
        }
    }

    /** "Algorithm X is incompatible with key spec Y." (LocalStack's AWS-derived wording). */
    private static AwsException incompatible(String algorithm, KmsKey key) {
        return new AwsException("InvalidKeyUsageException", "Algorithm " + algorithm
                + " is incompatible with key spec " + key.keySpec() + ".");
    }

    /** Encryption context is for symmetric keys only (aws-wire.md §4.3) [inferred wording]. */
    private static void requireNoContext(KmsKey key, Map<String, String> context) {
        if (context != null && !context.isEmpty()) {
            throw AwsException.validation("EncryptionContext is not supported for asymmetric KMS keys ("
                    + key.keySpec() + ").");
        }
    }

    private static void requireLength(String member, byte[] value, int max) {
        if (value.length < 1 || value.length > max) {
            throw AwsException.validation("1 validation error detected: Value at '" + member + "' failed to satisfy "
                    + "constraint: Member must have length " + (value.length < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + max));
        }
    }
}
