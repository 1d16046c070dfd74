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
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS KMS JSON 1.1 API ({@code X-Amz-Target: TrentService.<Operation>}) over {@link KmsService}.
 * Member names and shapes follow the KMS service model (2014-11-01); see aws-wire.md §4.2. This class maps
 * the key management operations; {@link CryptoApi} the cryptographic ones, {@link AliasTagApi} aliases,
 * tags and rotation.
 */
public final class TrentServiceApi {
    private final KmsService kms;

    public TrentServiceApi(KmsService kms) {
        this.kms = kms;
    }

    public ServiceApi api() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateKey", this::createKey);
        ops.put("DescribeKey", c -> Json.object().set("KeyMetadata",
                KeyMetadataJson.of(kms.describeKey(c.caller(), c.request().requiredString("KeyId")))));
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
        ops.put("UpdateKeyDescription", this::updateKeyDescription);
        ops.put("ScheduleKeyDeletion", this::scheduleKeyDeletion);
        ops.put("CancelKeyDeletion", c -> Json.object().put("KeyId",
                kms.cancelKeyDeletion(c.caller(), c.request().requiredString("KeyId")).arn()));
        ops.put("GenerateRandom", this::generateRandom);
        new CryptoApi(kms.crypto()).register(ops);
        new AliasTagApi(kms).register(ops);
        return new ServiceApi("TrentService", "kms", "ValidationException", ops);
    }

    private JsonNode createKey(Call c) {
        JsonRequest r = c.request();
        String keySpec = r.string("KeySpec").orElse(null);
        String cmkSpec = r.string("CustomerMasterKeySpec").orElse(null);
        if (keySpec != null && cmkSpec != null && !keySpec.equals(cmkSpec)) {
            throw AwsException.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec is deprecated.");
        }
        String origin = r.string("Origin").orElse("AWS_KMS");
        if (!"AWS_KMS".equals(origin) || r.has("CustomKeyStoreId") || r.has("XksKeyId")) {
            throw new AwsException("UnsupportedOperationException",
                    "Lockstream supports keys with Origin AWS_KMS in its own key store only.");
        }
        if (r.bool("MultiRegion").orElse(false)) {
            throw new AwsException("UnsupportedOperationException", "Lockstream does not support multi-Region keys.");
        }
        String description = r.string("Description").orElse("");
        if (description.length() > 8192) {
            throw r.invalid("description", "...", "Member must have length less than or equal to 8192");
        }
        List<Map.Entry<String, String>> tagList = tags(r);
        Map<String, String> tags = new LinkedHashMap<>();
        tagList.forEach(e -> tags.putIfAbsent(e.getKey(), e.getValue()));
        io.lockstream.kms.KeyTags.validate(tagList);
        KmsKey key = kms.createKey(c.caller(), new KmsService.NewKey(description, r.string("KeyUsage").orElse(null),
                keySpec != null ? keySpec : cmkSpec, r.string("Policy").orElse(null), tags,
                r.bool("BypassPolicyLockoutSafetyCheck").orElse(false)));
        return Json.object().set("KeyMetadata", KeyMetadataJson.of(key));
    }

    /** The {@code Tags} member: a list of {@code {TagKey, TagValue}}. */
    static List<Map.Entry<String, String>> tags(JsonRequest r) {
        return r.list("Tags", t -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(
                text(t, "TagKey"), text(t, "TagValue"))).orElse(new ArrayList<>());
    }

    private JsonNode listKeys(Call c) {
        Paging.Page<KmsKey> page = Paging.page(c.request(), kms.listKeys(c.caller()), KmsKey::keyId, 100, 1000);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Keys");
        page.items().forEach(k -> arr.addObject().put("KeyId", k.keyId()).put("KeyArn", k.arn()));
        Paging.finish(out, page);
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
        kms.listKeyPolicies(c.caller(), c.request().requiredString("KeyId"));
        ObjectNode out = Json.object();
        out.putArray("PolicyNames").add(KmsService.POLICY_NAME);
        out.put("Truncated", false);
        return out;
    }

    private JsonNode updateKeyDescription(Call c) {
        JsonRequest r = c.request();
        String description = r.requiredString("Description");
        if (description.length() > 8192) {
            throw r.invalid("description", "...", "Member must have length less than or equal to 8192");
        }
        kms.updateKeyDescription(c.caller(), r.requiredString("KeyId"), description);
        return null;
    }

    private JsonNode scheduleKeyDeletion(Call c) {
        JsonRequest r = c.request();
        int days = r.intValue("PendingWindowInDays").orElse(30);
        KmsKey key = kms.scheduleKeyDeletion(c.caller(), r.requiredString("KeyId"), days);
        return Json.object().put("KeyId", key.arn()).put("DeletionDate", key.deletionDate())
                .put("KeyState", key.keyState()).put("PendingWindowInDays", days);
    }

    /** GenerateRandom: NumberOfBytes 1–1024 (model range). */
    private JsonNode generateRandom(Call c) {
        JsonRequest r = c.request();
        if (r.has("CustomKeyStoreId")) {
            throw new AwsException("UnsupportedOperationException", "Lockstream has no custom key stores.");
        }
        int n = r.intValue("NumberOfBytes").orElseThrow(() -> r.missing("numberOfBytes"));
        if (n < 1 || n > 1024) {
            throw r.invalid("numberOfBytes", n, "Member must have value " + (n < 1 ? "greater than or equal to 1"
                    : "less than or equal to 1024"));
        }
        return Json.object().put("Plaintext", CryptoApi.b64(kms.generateRandom(c.caller(), n)));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new AwsException("ValidationException", "1 validation error detected: Value null at 'tags."
                    + field + "' failed to satisfy constraint: Member must not be null");
        }
        return v.textValue();
    }
}
