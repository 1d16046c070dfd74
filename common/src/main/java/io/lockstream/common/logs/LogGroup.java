package io.lockstream.common.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lockstream.common.aws.Json;
import java.util.Map;

/**
 * A log group as stored in the compacted {@code logs.groups} topic (keyed by name).
 *
 * @param name log group name
 * @param arn plain log group ARN (the {@code aws:logs:arn} encryption context value)
 * @param creationTime epoch milliseconds
 * @param kmsKeyId the associated key ARN, or null for the default key
 * @param retentionInDays retention, or null for "never expire"
 * @param tags resource tags
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogGroup(String name, String arn, long creationTime, String kmsKeyId, Integer retentionInDays,
                       Map<String, String> tags) {
    public LogGroup {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public LogGroup withKmsKeyId(String keyArn) {
        return new LogGroup(name, arn, creationTime, keyArn, retentionInDays, tags);
    }

    public LogGroup withRetentionInDays(Integer days) {
        return new LogGroup(name, arn, creationTime, kmsKeyId, days, tags);
    }

    public LogGroup withTags(Map<String, String> newTags) {
        return new LogGroup(name, arn, creationTime, kmsKeyId, retentionInDays, newTags);
    }

    /** Events with a timestamp before this are past the group's retention (Long.MIN_VALUE: never expire). */
    public long retentionCutoff(long nowMillis) {
        return retentionInDays == null ? Long.MIN_VALUE : nowMillis - retentionInDays * 86_400_000L;
    }

    public byte[] toBytes() {
        return Json.bytes(this);
    }

    public static LogGroup fromBytes(byte[] b) {
        return Json.read(b, LogGroup.class);
    }
}
