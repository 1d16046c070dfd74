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
 * @param materials wrapped backing key material, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KmsKey(String keyId, String account, String region, double creationDate, String description,
                     String keyUsage, String keySpec, String keyState, Double deletionDate, String keyManager,
                     String policy, Map<String, String> tags, List<Material> materials) {

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
                keyManager, newPolicy, tags, materials);
    }

    public KmsKey withState(String newState, Double newDeletionDate) {
        return new KmsKey(keyId, account, region, creationDate, description, keyUsage, keySpec, newState,
                newDeletionDate, keyManager, policy, tags, materials);
    }

    public byte[] toBytes() {
        return Json.bytes(this);
    }

    public static KmsKey fromBytes(byte[] b) {
        return Json.read(b, KmsKey.class);
    }
}
