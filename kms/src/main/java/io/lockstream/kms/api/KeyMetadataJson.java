package io.lockstream.kms.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Json;
import io.lockstream.kms.KeySpecs;
import io.lockstream.kms.store.KmsKey;
import java.util.List;

/** KeyMetadata as AWS prints it (aws-wire.md §4.2): algorithm lists only for the key's usage. */
final class KeyMetadataJson {
    private KeyMetadataJson() {
    }

    static ObjectNode of(KmsKey key) {
        ObjectNode md = Json.object();
        md.put("AWSAccountId", key.account())
                .put("KeyId", key.keyId())
                .put("Arn", key.arn())
                .put("CreationDate", key.creationDate())
                .put("Enabled", KmsKey.ENABLED.equals(key.keyState()))
                .put("Description", key.description())
                .put("KeyUsage", key.keyUsage())
                .put("KeyState", key.keyState());
        if (key.deletionDate() != null) {
            md.put("DeletionDate", key.deletionDate());
        }
        md.put("Origin", "AWS_KMS")
                .put("KeyManager", key.keyManager())
                .put("CustomerMasterKeySpec", key.keySpec())
                .put("KeySpec", key.keySpec());
        list(md, "EncryptionAlgorithms", KeySpecs.encryptionAlgorithms(key.keySpec(), key.keyUsage()));
        list(md, "SigningAlgorithms", KeySpecs.signingAlgorithms(key.keySpec(), key.keyUsage()));
        list(md, "MacAlgorithms", KeySpecs.macAlgorithms(key.keySpec()));
        md.put("MultiRegion", false);
        if (key.symmetricEncryption()) {
            md.put("CurrentKeyMaterialId", key.currentKeyMaterialId());
        }
        return md;
    }

    static void list(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode arr = node.putArray(field);
            values.forEach(arr::add);
        }
    }
}
