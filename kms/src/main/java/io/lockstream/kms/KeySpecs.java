package io.lockstream.kms;

import io.lockstream.common.aws.AwsException;
import java.util.List;

/**
 * Key specs, key usages and the algorithms each allows (KMS-DG "Key spec reference"; aws-wire.md §4.2), with
 * the CreateKey validation errors AWS returns.
 */
public final class KeySpecs {
    /** Every KeySpec the 2014-11-01 model knows, in the model's order (for the enum error message). */
    static final List<String> ALL = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384",
            "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
            "SM2");
    static final List<String> USAGES = List.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC");
    private static final List<String> SUPPORTED = List.of("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512");
    private static final List<String> RSA_SIGNING = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
            "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512");
    private static final List<String> RSA_ENCRYPTION = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");

    private KeySpecs() {
    }

    /**
     * The key usage CreateKey gives a key of {@code keySpec}, or AWS's error: an unknown spec or usage is a
     * ValidationException with the enum wording; "You must specify a KeyUsage value for all KMS keys except
     * for symmetric encryption keys." (LS snapshot, aws-wire.md §4.2); a spec/usage mismatch is a
     * ValidationException "KeyUsage X is not compatible with KeySpec Y" [inferred wording].
     */
    static String usageFor(String keySpec, String keyUsage) {
        if (!ALL.contains(keySpec)) {
            throw AwsException.validation("1 validation error detected: Value '" + keySpec + "' at 'keySpec' failed "
                    + "to satisfy constraint: Member must satisfy enum value set: " + ALL);
        }
        if (keyUsage != null && !USAGES.contains(keyUsage)) {
            throw AwsException.validation("1 validation error detected: Value '" + keyUsage + "' at 'keyUsage' failed"
                    + " to satisfy constraint: Member must satisfy enum value set: " + USAGES);
        }
        if (!SUPPORTED.contains(keySpec)) {
            throw new AwsException("UnsupportedOperationException", "Lockstream does not support KeySpec " + keySpec
                    + ".");
        }
        if (keyUsage == null) {
            if (!"SYMMETRIC_DEFAULT".equals(keySpec)) {
                throw AwsException.validation(
                        "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
            }
            return "ENCRYPT_DECRYPT";
        }
        if (!allowedUsages(keySpec).contains(keyUsage)) {
            throw AwsException.validation("KeyUsage " + keyUsage + " is not compatible with KeySpec " + keySpec);
        }
        return keyUsage;
    }

    private static List<String> allowedUsages(String keySpec) {
        if (keySpec.startsWith("RSA_")) {
            return List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY");
        }
        if (keySpec.startsWith("ECC_")) {
            return List.of("SIGN_VERIFY");
        }
        if (keySpec.startsWith("HMAC_")) {
            return List.of("GENERATE_VERIFY_MAC");
        }
        return List.of("ENCRYPT_DECRYPT");
    }

    /** KeyMetadata EncryptionAlgorithms: only for ENCRYPT_DECRYPT keys. */
    public static List<String> encryptionAlgorithms(String keySpec, String keyUsage) {
        if (!"ENCRYPT_DECRYPT".equals(keyUsage)) {
            return List.of();
        }
        return keySpec.startsWith("RSA_") ? RSA_ENCRYPTION : List.of("SYMMETRIC_DEFAULT");
    }

    /** KeyMetadata SigningAlgorithms: only for SIGN_VERIFY keys; an ECC curve has exactly one. */
    public static List<String> signingAlgorithms(String keySpec, String keyUsage) {
        if (!"SIGN_VERIFY".equals(keyUsage)) {
            return List.of();
        }
        return switch (keySpec) {
            case "ECC_NIST_P256" -> List.of("ECDSA_SHA_256");
            case "ECC_NIST_P384" -> List.of("ECDSA_SHA_384");
            case "ECC_NIST_P521" -> List.of("ECDSA_SHA_512");
            default -> RSA_SIGNING;
        };
    }

    /** KeyMetadata MacAlgorithms: HMAC_256 → HMAC_SHA_256. */
    public static List<String> macAlgorithms(String keySpec) {
        return keySpec.startsWith("HMAC_") ? List.of("HMAC_SHA_" + keySpec.substring(5)) : List.of();
    }

    /** Bytes of fresh secret material for a symmetric or HMAC key spec. */
    static int secretBytes(String keySpec) {
        return keySpec.startsWith("HMAC_") ? Integer.parseInt(keySpec.substring(5)) / 8 : 32;
    }

    /** Largest plaintext RSAES_OAEP can encrypt with this key (KMS-DG asymmetric key specs table). */
    static int maxRsaPlaintext(String keySpec, String algorithm) {
        int modulus = Integer.parseInt(keySpec.substring(4)) / 8;
        int hash = "RSAES_OAEP_SHA_1".equals(algorithm) ? 20 : 32;
        return modulus - 2 * hash - 2;
    }
}
