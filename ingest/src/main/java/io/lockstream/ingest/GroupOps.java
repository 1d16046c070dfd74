package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.aws.Site;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.common.logs.LogsRules;
import java.util.LinkedHashMap;
import java.util.Map;

/** CreateLogGroup, DeleteLogGroup, AssociateKmsKey, DisassociateKmsKey, Put/DeleteRetentionPolicy. */
final class GroupOps {
    private final Site site;
    private final GroupAdmin admin;

    GroupOps(Site site, GroupAdmin admin) {
        this.site = site;
        this.admin = admin;
    }

    Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateLogGroup", this::createLogGroup);
        ops.put("DeleteLogGroup", c -> {
            admin.deleteGroup(LogsRules.groupName(c.request()));
            return null;
        });
        ops.put("AssociateKmsKey", c -> {
            JsonRequest r = c.request();
            String name = targetGroup(r);
            admin.associateKey(name, LogsRules.kmsKeyArn(r.requiredString("kmsKeyId"), name));
            return null;
        });
        ops.put("DisassociateKmsKey", c -> {
            admin.disassociateKey(targetGroup(c.request()));
            return null;
        });
        ops.put("PutRetentionPolicy", c -> {
            JsonRequest r = c.request();
            String name = LogsRules.groupName(r);
            int days = r.intValue("retentionInDays").orElseThrow(() -> r.missing("retentionInDays"));
            admin.setRetention(name, LogsRules.retentionInDays(days));
            return null;
        });
        ops.put("DeleteRetentionPolicy", c -> {
            admin.setRetention(LogsRules.groupName(c.request()), null);
            return null;
        });
        return ops;
    }

    private com.fasterxml.jackson.databind.JsonNode createLogGroup(Call c) {
        JsonRequest r = c.request();
        String name = LogsRules.groupName(r);
        String key = r.string("kmsKeyId").map(k -> LogsRules.kmsKeyArn(k, name)).orElse(null);
        Map<String, String> tags = r.stringMap("tags");
        if (r.has("tags")) {
            LogsRules.tags("tags", tags, Map.of(), name);
        }
        admin.createGroup(name, key, tags);
        return null;
    }

    /**
     * AssociateKmsKey / DisassociateKmsKey name the group by {@code logGroupName} (older model) or
     * {@code resourceIdentifier} (a log group ARN of this deployment, newer model): exactly one of the two
     * (aws-wire.md §1.4).
     */
    String targetGroup(JsonRequest r) {
        boolean byName = r.has("logGroupName");
        boolean byArn = r.has("resourceIdentifier");
        if (byName == byArn) {
            throw AwsException.invalidParameter("Exactly one of logGroupName and resourceIdentifier must be specified.");
        }
        if (byName) {
            return LogsRules.groupName(r);
        }
        return LogsRules.ownLogGroupArn("resourceIdentifier", r.requiredString("resourceIdentifier"), site);
    }
}
