package io.lockstream.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.store.KmsAlias;
import io.lockstream.kms.store.KmsKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Aliases, tags and rotation TrentService operations. */
final class AliasTagApi {
    private final KmsService kms;

    AliasTagApi(KmsService kms) {
        this.kms = kms;
    }

    void register(Map<String, Operation> ops) {
        ops.put("CreateAlias", c -> {
            JsonRequest r = c.request();
            kms.aliases().createAlias(c.caller(), r.requiredString("AliasName"), r.requiredString("TargetKeyId"));
            return null;
        });
        ops.put("UpdateAlias", c -> {
            JsonRequest r = c.request();
            kms.aliases().updateAlias(c.caller(), r.requiredString("AliasName"), r.requiredString("TargetKeyId"));
            return null;
        });
        ops.put("DeleteAlias", c -> {
            kms.aliases().deleteAlias(c.caller(), c.request().requiredString("AliasName"));
            return null;
        });
        ops.put("ListAliases", this::listAliases);
        ops.put("TagResource", c -> {
            JsonRequest r = c.request();
            if (!r.has("Tags")) {
                throw r.missing("tags");
            }
            kms.tags().tagResource(c.caller(), r.requiredString("KeyId"), TrentServiceApi.tags(r));
            return null;
        });
        ops.put("UntagResource", c -> {
            JsonRequest r = c.request();
            List<String> keys = r.list("TagKeys", n -> n.isTextual() ? n.textValue() : "")
                    .orElseThrow(() -> r.missing("tagKeys"));
            kms.tags().untagResource(c.caller(), r.requiredString("KeyId"), keys);
            return null;
        });
        ops.put("ListResourceTags", this::listResourceTags);
        ops.put("EnableKeyRotation", c -> {
            JsonRequest r = c.request();
            kms.rotation().enableKeyRotation(c.caller(), r.requiredString("KeyId"),
                    r.intValue("RotationPeriodInDays").orElse(null));
            return null;
        });
        ops.put("DisableKeyRotation", c -> {
            kms.rotation().disableKeyRotation(c.caller(), c.request().requiredString("KeyId"));
            return null;
        });
        ops.put("GetKeyRotationStatus", this::getKeyRotationStatus);
        ops.put("RotateKeyOnDemand", c -> Json.object().put("KeyId",
                kms.rotation().rotateKeyOnDemand(c.caller(), c.request().requiredString("KeyId")).arn()));
    }

    private JsonNode listAliases(Call c) {
        JsonRequest r = c.request();
        List<KmsAlias> all = kms.aliases().listAliases(c.caller(), r.string("KeyId").orElse(null));
        Paging.Page<KmsAlias> page = Paging.page(r, all, KmsAlias::aliasName, 50, 100);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Aliases");
        for (KmsAlias a : page.items()) {
            arr.addObject().put("AliasName", a.aliasName()).put("AliasArn", kms.aliases().arn(a))
                    .put("TargetKeyId", a.targetKeyId()).put("CreationDate", a.creationDate())
                    .put("LastUpdatedDate", a.lastUpdatedDate());
        }
        Paging.finish(out, page);
        return out;
    }

    private JsonNode listResourceTags(Call c) {
        JsonRequest r = c.request();
        Map<String, String> tags = kms.tags().listResourceTags(c.caller(), r.requiredString("KeyId"));
        Paging.Page<Map.Entry<String, String>> page = Paging.page(r, new ArrayList<>(tags.entrySet()),
                Map.Entry::getKey, 50, 50);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Tags");
        page.items().forEach(e -> arr.addObject().put("TagKey", e.getKey()).put("TagValue", e.getValue()));
        Paging.finish(out, page);
        return out;
    }

    private JsonNode getKeyRotationStatus(Call c) {
        KmsKey key = kms.rotation().getKeyRotationStatus(c.caller(), c.request().requiredString("KeyId"));
        KmsKey.Rotation rot = key.rotation();
        ObjectNode out = Json.object().put("KeyRotationEnabled", key.rotationEnabled()).put("KeyId", key.arn());
        if (rot != null && rot.enabled()) {
            out.put("RotationPeriodInDays", rot.periodInDays());
            out.put("NextRotationDate", rot.nextRotationDate());
        }
        if (rot != null && rot.onDemandRotationStartDate() != null) {
            out.put("OnDemandRotationStartDate", rot.onDemandRotationStartDate());
        }
        return out;
    }
}
