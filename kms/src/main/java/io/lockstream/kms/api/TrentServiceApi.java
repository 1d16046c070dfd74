package io.lockstream.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.common.http.ServiceApi;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.store.KmsKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS KMS JSON 1.1 API ({@code X-Amz-Target: TrentService.<Operation>}) over {@link KmsService}.
 * Member names and shapes follow the KMS service model (2014-11-01); see aws-wire.md §4.2.
 */
public final class TrentServiceApi {
    private static final Set<String> KEY_SPECS = Set.of("SYMMETRIC_DEFAULT");
    private final KmsService kms;

    public TrentServiceApi(KmsService kms) {
        this.kms = kms;
    }

    public ServiceApi api() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateKey", this::createKey);
        ops.put("DescribeKey", c -> keyMetadata(kms.describeKey(c.caller(), c.request().requiredString("KeyId"))));
        ops.put("ListKeys", this::listKeys);
        ops.put("GetKeyPolicy", this::getKeyPolicy);
        ops.put("PutKeyPolicy", this::putKeyPolicy);
        ops.put("ListKeyPolicies", this::listKeyPolicies);
        ops.put("EnableKey", c -> {
            kms.enableKey(c.caller(), c.request().requiredString("KeyId"));
            return null;
        });
        ops.put("DisableKey", c -> {
            kms.disableKey(c.caller(), c.request().requiredString("KeyId"));
            return null;
        });
        ops.put("ScheduleKeyDeletion", this::scheduleKeyDeletion);
        ops.put("CancelKeyDeletion", c -> Json.object().put("KeyId",
                kms.cancelKeyDeletion(c.caller(), c.request().requiredString("KeyId")).arn()));
        ops.put("Encrypt", this::encrypt);
        ops.put("Decrypt", this::decrypt);
        ops.put("GenerateDataKey", c -> generateDataKey(c, true));
        ops.put("GenerateDataKeyWithoutPlaintext", c -> generateDataKey(c, false));
        return new ServiceApi("TrentService", "kms", "ValidationException", ops);
    }

    private JsonNode createKey(Call c) {
        JsonRequest r = c.request();
        String keySpec = r.string("KeySpec").or(() -> r.string("CustomerMasterKeySpec")).orElse("SYMMETRIC_DEFAULT");
        String keyUsage = r.string("KeyUsage").orElse("ENCRYPT_DECRYPT");
        if (!KEY_SPECS.contains(keySpec) || !"ENCRYPT_DECRYPT".equals(keyUsage)) {
            throw new AwsException("UnsupportedOperationException",
                    "Lockstream supports KeySpec SYMMETRIC_DEFAULT with KeyUsage ENCRYPT_DECRYPT only, so far.");
        }
        String description = r.string("Description").orElse("");
        if (description.length() > 8192) {
            throw r.invalid("description", "...", "Member must have length less than or equal to 8192");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        r.list("Tags", t -> tags.put(text(t, "TagKey"), text(t, "TagValue")));
        KmsKey key = kms.createKey(c.caller(), new KmsService.NewKey(description, keyUsage, keySpec,
                r.string("Policy").orElse(null), tags, r.bool("BypassPolicyLockoutSafetyCheck").orElse(false)));
        return keyMetadata(key);
    }

    private JsonNode listKeys(Call c) {
        JsonRequest r = c.request();
        int limit = r.intValue("Limit").orElse(100);
        if (limit < 1 || limit > 1000) {
            throw r.invalid("limit", limit, "Member must have value between 1 and 1000");
        }
        List<KmsKey> keys = kms.listKeys(c.caller());
        int start = 0;
        String marker = r.string("Marker").orElse(null);
        if (marker != null) {
            start = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).keyId().compareTo(marker) >= 0) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                start = keys.size();
            }
        }
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Keys");
        int end = Math.min(keys.size(), start + limit);
        for (KmsKey k : keys.subList(start, end)) {
            arr.addObject().put("KeyId", k.keyId()).put("KeyArn", k.arn());
        }
        boolean truncated = end < keys.size();
        if (truncated) {
            out.put("NextMarker", keys.get(end).keyId());
        }
        out.put("Truncated", truncated);
        return out;
    }

    private JsonNode getKeyPolicy(Call c) {
        JsonRequest r = c.request();
        String policy = kms.getKeyPolicy(c.caller(), r.requiredString("KeyId"), r.string("PolicyName").orElse(null));
        // Only "Policy": the CLI v1 model knows PolicyName and would print it after a tab with --output text,
        // breaking the documented `get-key-policy --output text > policy.json` (platform.md §4).
        return Json.object().put("Policy", policy);
    }

    private JsonNode putKeyPolicy(Call c) {
        JsonRequest r = c.request();
        kms.putKeyPolicy(c.caller(), r.requiredString("KeyId"), r.string("PolicyName").orElse(null),
                r.requiredString("Policy"), r.bool("BypassPolicyLockoutSafetyCheck").orElse(false));
        return null;
    }

    private JsonNode listKeyPolicies(Call c) {
        kms.describeKey(c.caller(), c.request().requiredString("KeyId"));
        ObjectNode out = Json.object();
        out.putArray("PolicyNames").add(KmsService.POLICY_NAME);
        out.put("Truncated", false);
        return out;
    }

    private JsonNode scheduleKeyDeletion(Call c) {
        JsonRequest r = c.request();
        int days = r.intValue("PendingWindowInDays").orElse(30);
        KmsKey key = kms.scheduleKeyDeletion(c.caller(), r.requiredString("KeyId"), days);
        return Json.object().put("KeyId", key.arn()).put("DeletionDate", key.deletionDate())
                .put("KeyState", key.keyState()).put("PendingWindowInDays", days);
    }

    private JsonNode encrypt(Call c) {
        JsonRequest r = c.request();
        byte[] plaintext = r.blob("Plaintext").orElseThrow(() -> r.missing("plaintext"));
        KmsService.CryptoResult res = kms.encrypt(c.caller(), r.requiredString("KeyId"), plaintext,
                r.stringMap("EncryptionContext"));
        return Json.object().put("CiphertextBlob", b64(res.ciphertextBlob())).put("KeyId", res.keyArn())
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private JsonNode decrypt(Call c) {
        JsonRequest r = c.request();
        byte[] blob = r.blob("CiphertextBlob").orElseThrow(() -> r.missing("ciphertextBlob"));
        KmsService.CryptoResult res = kms.decrypt(c.caller(), blob, r.stringMap("EncryptionContext"),
                r.string("KeyId").orElse(null));
        return Json.object().put("KeyId", res.keyArn()).put("Plaintext", b64(res.plaintext()))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private JsonNode generateDataKey(Call c, boolean withPlaintext) {
        JsonRequest r = c.request();
        Integer bytes = r.intValue("NumberOfBytes").orElse(null);
        String spec = r.string("KeySpec").orElse(null);
        if ((bytes == null) == (spec == null)) {
            throw AwsException.validation("Please specify either number of bytes or key spec.");
        }
        int n;
        if (spec != null) {
            n = switch (spec) {
                case "AES_256" -> 32;
                case "AES_128" -> 16;
                default -> throw r.invalid("keySpec", spec, "Member must satisfy enum value set: [AES_256, AES_128]");
            };
        } else {
            if (bytes < 1 || bytes > 1024) {
                throw r.invalid("numberOfBytes", bytes, "Member must have value between 1 and 1024");
            }
            n = bytes;
        }
        KmsService.CryptoResult res = kms.generateDataKey(c.caller(), r.requiredString("KeyId"), n,
                r.stringMap("EncryptionContext"), withPlaintext);
        ObjectNode out = Json.object().put("CiphertextBlob", b64(res.ciphertextBlob())).put("KeyId", res.keyArn());
        if (withPlaintext) {
            out.put("Plaintext", b64(res.plaintext()));
        }
        return out;
    }

    /** KeyMetadata as AWS prints it for a symmetric key (aws-wire.md §4.2). */
    static ObjectNode keyMetadata(KmsKey key) {
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
        md.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
        md.put("MultiRegion", false);
        return Json.object().set("KeyMetadata", md);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new AwsException("ValidationException", "1 validation error detected: Value null at 'tags."
                    + field + "' failed to satisfy constraint: Member must not be null");
        }
        return v.textValue();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
