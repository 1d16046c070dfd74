package io.lockstream.kms.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.Json;
import java.util.List;
import java.util.Map;

/**
 * A KMS key as stored in the compacted {@code kms.keys} topic (keyed by key id). Key material is only ever
 * stored wrapped by the operator's root key.
 *
 * @param keyId lower-case UUID
 * @param account owning account
 * @param region region of the key
 * @param creationDate epoch seconds
 * @param description free text
 * @param keyUsage ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC
 * @param keySpec SYMMETRIC_DEFAULT, ...
 * @param keyState Enabled, Disabled, PendingDeletion
 * @param deletionDate epoch seconds when PendingDeletion, else null
 * @param keyManager CUSTOMER, or AWS for the service's default key
 * @param policy the key policy document, exactly as submitted
 * @param tags resource tags
 * @param materials wrapped backing key material, oldest first (for an asymmetric key: the wrapped PKCS#8
 *     private key; for an HMAC key: the wrapped HMAC secret)
 * @param publicKey X.509 SubjectPublicKeyInfo (DER) of an asymmetric key, else null
 * @param rotation automatic rotation settings, null when rotation was never enabled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KmsKey(String keyId, String account, String region, double creationDate, String description,
                     String keyUsage, String keySpec, String keyState, Double deletionDate, String keyManager,
                     String policy, Map<String, String> tags, List<Material> materials, byte[] publicKey,
                     Rotation rotation) {

    /**
     * Automatic rotation (EnableKeyRotation).
     *
     * @param enabled whether automatic rotation is on
     * @param periodInDays 90..2560
     * @param nextRotationDate epoch seconds of the next automatic rotation, when enabled
     * @param onDemandRotationStartDate epoch seconds of the last RotateKeyOnDemand, or null
     */
    public record Rotation(boolean enabled, int periodInDays, Double nextRotationDate,
                           Double onDemandRotationStartDate) {
    }

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String PENDING_DELETION = "PendingDeletion";

    public KmsKey {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /**
     * One version of backing key material, wrapped by the root key.
     *
     * @param version 1, 2, ... (rotation adds versions; old ones keep decrypting)
     * @param wrapped root-key-wrapped material
     */
    public record Material(int version, byte[] wrapped) {
    }

    /**
     * A stable, public id of the current key material (KeyMetadata {@code CurrentKeyMaterialId}, 64 hex):
     * SHA-256 over the key id and material version, so it reveals nothing of the material.
     */
    @JsonIgnore
    public String currentKeyMaterialId() {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(("lockstream-material|" + keyId + "|"
                    + currentMaterial().version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @JsonIgnore
    public String arn() {
        return Arns.key(region, account, keyId);
    }

    @JsonIgnore
    public Material currentMaterial() {
        return materials.get(materials.size() - 1);
    }

    @JsonIgnore
    public boolean symmetricEncryption() {
        return "SYMMETRIC_DEFAULT".equals(keySpec) && "ENCRYPT_DECRYPT".equals(keyUsage);
    }

    public KmsKey withPolicy(String newPolicy) {
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, keyState, deletionDate,
                keyManager, newPolicy, tags, materials, publicKey, rotation);
    }

    public KmsKey withState(String newState, Double newDeletionDate) {
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, newState,
                newDeletionDate, keyManager, policy, tags, materials, publicKey, rotation);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(keyId, account, region, creationDate, newDescription, keyUsage, keySpec, keyState,
                deletionDate, keyManager, policy, tags, materials, publicKey, rotation);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, keyState,
                deletionDate, keyManager, policy, newTags, materials, publicKey, rotation);
    }

    public KmsKey withRotation(Rotation newRotation) {
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, keyState,
                deletionDate, keyManager, policy, tags, materials, publicKey, newRotation);
    }

    /** A new current material version (rotation); older versions stay to decrypt old ciphertexts. */
    public KmsKey withMaterial(Material added, Rotation newRotation) {
        List<Material> list = new java.util.ArrayList<>(materials);
        list.add(added);
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, keyState,
                deletionDate, keyManager, policy, tags, list, publicKey, newRotation);
    }

    @JsonIgnore
    public boolean rotationEnabled() {
        return rotation != null && rotation.enabled();
    }

    @JsonIgnore
    public boolean asymmetric() {
        return keySpec.startsWith("RSA_") || keySpec.startsWith("ECC_");
    }

    @JsonIgnore
    public boolean hmac() {
        return keySpec.startsWith("HMAC_");
    }

    public byte[] toBytes() {
        return Json.bytes(this);
    }

    public static KmsKey fromBytes(byte[] b) {
        return Json.read(b, KmsKey.class);
    }
}
