package io.lockstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The write side and the group control plane of the CloudWatch Logs JSON 1.1 API
 * ({@code X-Amz-Target: Logs_20140328.<Operation>}); member names follow the Logs service model
 * (2014-03-28), see aws-wire.md §2.2.
 */
public final class LogsWriteApi {
    private final GroupAdmin admin;
    private final PutLogEvents putLogEvents;
    private final GroupDirectory directory;

    LogsWriteApi(GroupAdmin admin, PutLogEvents putLogEvents, GroupDirectory directory) {
        this.admin = admin;
        this.putLogEvents = putLogEvents;
        this.directory = directory;
    }

    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateLogGroup", this::createLogGroup);
        ops.put("DeleteLogGroup", c -> {
            admin.deleteGroup(groupName(c.request()));
            return null;
        });
        ops.put("DescribeLogGroups", this::describeLogGroups);
        ops.put("AssociateKmsKey", this::associateKmsKey);
        ops.put("DisassociateKmsKey", c -> {
            admin.disassociateKey(targetGroup(c.request()));
            return null;
        });
        ops.put("CreateLogStream", c -> {
            JsonRequest r = c.request();
            admin.createStream(groupName(r), LogsRules.streamName("logStreamName", r.requiredString("logStreamName")));
            return null;
        });
        ops.put("PutLogEvents", this::putLogEvents);
        return ops;
    }

    private JsonNode createLogGroup(Call c) {
        JsonRequest r = c.request();
        String name = groupName(r);
        String key = r.string("kmsKeyId").map(k -> LogsRules.kmsKeyArn(k, name)).orElse(null);
        admin.createGroup(name, key, r.stringMap("tags"));
        return null;
    }

    private JsonNode associateKmsKey(Call c) {
        JsonRequest r = c.request();
        String name = targetGroup(r);
        admin.associateKey(name, LogsRules.kmsKeyArn(r.requiredString("kmsKeyId"), name));
        return null;
    }

    private JsonNode describeLogGroups(Call c) {
        JsonRequest r = c.request();
        String prefix = r.string("logGroupNamePrefix").orElse(null);
        String pattern = r.string("logGroupNamePattern").orElse(null);
        if (prefix != null && pattern != null) {
            throw AwsException.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        int limit = r.intValue("limit").orElse(50);
        if (limit < 1 || limit > 50) {
            throw LogsRules.invalid("limit", limit, limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 50");
        }
        String after = r.string("nextToken").orElse(null);
        List<LogGroup> matching = directory.groupsSorted().stream()
                .filter(g -> prefix == null || g.name().startsWith(prefix))
                .filter(g -> pattern == null || g.name().contains(pattern))
                .filter(g -> after == null || g.name().compareTo(after) > 0)
                .collect(Collectors.toList());
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("logGroups");
        for (LogGroup g : matching.subList(0, Math.min(limit, matching.size()))) {
            ObjectNode o = arr.addObject();
            o.put("logGroupName", g.name()).put("creationTime", g.creationTime());
            if (g.retentionInDays() != null) {
                o.put("retentionInDays", g.retentionInDays());
            }
            o.put("metricFilterCount", 0).put("arn", g.arn() + ":*").put("storedBytes", 0);
            if (g.kmsKeyId() != null) {
                o.put("kmsKeyId", g.kmsKeyId());
            }
            o.put("logGroupClass", "STANDARD").put("logGroupArn", g.arn()).put("deletionProtectionEnabled", false);
        }
        if (matching.size() > limit) {
            out.put("nextToken", matching.get(limit - 1).name());
        }
        return out;
    }

    private JsonNode putLogEvents(Call c) {
        JsonRequest r = c.request();
        String group = groupName(r);
        String stream = LogsRules.streamName("logStreamName", r.requiredString("logStreamName"));
        JsonNode events = r.body().get("logEvents");
        if (events == null || events.isNull()) {
            throw r.missing("logEvents");
        }
        if (!events.isArray()) {
            throw new AwsException("SerializationException", "Unexpected value type for 'logEvents': expected list");
        }
        PutLogEvents.Result res = putLogEvents.put(group, stream, events);
        ObjectNode out = Json.object().put("nextSequenceToken", res.nextSequenceToken());
        if (res.tooNewLogEventStartIndex() != null || res.tooOldLogEventEndIndex() != null
                || res.expiredLogEventEndIndex() != null) {
            ObjectNode rej = out.putObject("rejectedLogEventsInfo");
            if (res.tooNewLogEventStartIndex() != null) {
                rej.put("tooNewLogEventStartIndex", res.tooNewLogEventStartIndex());
            }
            if (res.tooOldLogEventEndIndex() != null) {
                rej.put("tooOldLogEventEndIndex", res.tooOldLogEventEndIndex());
            }
            if (res.expiredLogEventEndIndex() != null) {
                rej.put("expiredLogEventEndIndex", res.expiredLogEventEndIndex());
            }
        }
        return out;
    }

    static String groupName(JsonRequest r) {
        return LogsRules.groupName("logGroupName", r.requiredString("logGroupName"));
    }

    /**
     * AssociateKmsKey / DisassociateKmsKey name the group by {@code logGroupName} (older model) or
     * {@code resourceIdentifier} (a log group ARN, newer model): exactly one of the two (aws-wire.md §1.4).
     */
    static String targetGroup(JsonRequest r) {
        boolean byName = r.has("logGroupName");
        boolean byArn = r.has("resourceIdentifier");
        if (byName == byArn) {
            throw AwsException.invalidParameter("Exactly one of logGroupName and resourceIdentifier must be specified.");
        }
        if (byName) {
            return groupName(r);
        }
        String arn = r.requiredString("resourceIdentifier");
        return Arns.parseLogGroup(arn).map(Arns.LogGroupArn::name).orElseThrow(
                () -> AwsException.invalidParameter("resourceIdentifier must be a log group ARN: " + arn));
    }
}
