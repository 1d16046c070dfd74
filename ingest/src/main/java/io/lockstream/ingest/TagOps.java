package io.lockstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.aws.Site;
import io.lockstream.common.http.Operation;
import io.lockstream.common.logs.LogsRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource / UntagResource / ListTagsForResource (by log group ARN, without {@code :*}) and the deprecated
 * TagLogGroup / UntagLogGroup / ListTagsLogGroup (by name): one tag set per group (aws-wire.md §2.2).
 */
final class TagOps {
    private final Site site;
    private final GroupAdmin admin;

    TagOps(Site site, GroupAdmin admin) {
        this.site = site;
        this.admin = admin;
    }

    Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("TagResource", c -> {
            JsonRequest r = c.request();
            admin.tag(byArn(r), requiredTags(r));
            return null;
        });
        ops.put("UntagResource", c -> {
            JsonRequest r = c.request();
            admin.untag(byArn(r), keys(r, "tagKeys"));
            return null;
        });
        ops.put("ListTagsForResource", c -> listed(admin.tags(byArn(c.request()))));
        ops.put("TagLogGroup", c -> {
            JsonRequest r = c.request();
            admin.tag(LogsRules.groupName(r), requiredTags(r));
            return null;
        });
        ops.put("UntagLogGroup", c -> {
            JsonRequest r = c.request();
            admin.untag(LogsRules.groupName(r), keys(r, "tags"));
            return null;
        });
        ops.put("ListTagsLogGroup", c -> listed(admin.tags(LogsRules.groupName(c.request()))));
        return ops;
    }

    private String byArn(JsonRequest r) {
        return LogsRules.ownLogGroupArn("resourceArn", r.requiredString("resourceArn"), site);
    }

    private static Map<String, String> requiredTags(JsonRequest r) {
        if (!r.has("tags")) {
            throw r.missing("tags");
        }
        return r.stringMap("tags");
    }

    private static List<String> keys(JsonRequest r, String member) {
        List<String> keys = r.list(member, n -> {
            if (!n.isTextual()) {
                throw new AwsException("SerializationException", "Unexpected value type in '" + member + "'");
            }
            return n.textValue();
        }).orElseThrow(() -> r.missing(member));
        return LogsRules.tagKeys(member, keys);
    }

    private static JsonNode listed(Map<String, String> tags) {
        ObjectNode out = Json.object();
        ObjectNode t = out.putObject("tags");
        new LinkedHashMap<>(tags).forEach(t::put);
        return out;
    }
}
