package io.lockstream.common.logs;

import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.aws.Site;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs' validation rules, each defined once, with its source (aws-wire.md §2.1, §2.3, the Logs
 * service model 2014-03-28). All are enforced server-side: the Java SDK validates nothing and the CLI only
 * required members and minimums (aws-wire.md §1.4). Shared by ingest (writes) and query (reads), which is
 * why it lives in common.
 */
public final class LogsRules {
    /** LogGroupName: 1–512 characters of {@code [\.\-_/#A-Za-z0-9]}. */
    static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    public static final int NAME_MAX = 512;
    /** LogStreamName: 1–512 characters, no ':' or '*'. */
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    /** LogGroupIdentifier: 1–2048 characters of {@code [\w#+=/:,.@-]}, a name or a log group ARN. */
    static final Pattern GROUP_IDENTIFIER = Pattern.compile("[\\w#+=/:,.@-]*");
    public static final int GROUP_IDENTIFIER_MAX = 2048;
    /** AmazonResourceName (TagResource & co.): 1–1011 characters of {@code [\w+=/:,.@-]}. */
    static final Pattern RESOURCE_ARN = Pattern.compile("[\\w+=/:,.@-]*");
    public static final int RESOURCE_ARN_MAX = 1011;
    /** KmsKeyId: at most 256 characters, and a key ARN. */
    static final int KMS_KEY_ID_MAX = 256;
    /** PutLogEvents: at most 1,048,576 bytes, counting each message's UTF-8 bytes plus 26. */
    public static final int BATCH_BYTES_MAX = 1_048_576;
    public static final int EVENT_OVERHEAD_BYTES = 26;
    /** PutLogEvents: one event, overhead included, may be at most 1 MB (current model doc; was 256 KB). */
    public static final int EVENT_BYTES_MAX = 1_048_576;
    /** PutLogEvents: 1 to 10,000 events. */
    public static final int BATCH_EVENTS_MAX = 10_000;
    /** A batch may not span more than 24 hours. */
    public static final long BATCH_SPAN_MAX_MS = 24L * 3600 * 1000;
    /** Events more than 2 hours in the future are rejected individually. */
    public static final long TOO_NEW_MS = 2L * 3600 * 1000;
    /** Events older than 14 days are rejected individually. */
    public static final long TOO_OLD_MS = 14L * 24 * 3600 * 1000;
    /** DescribeLimit: 1–50, default 50 (DescribeLogGroups, DescribeLogStreams). */
    public static final int DESCRIBE_LIMIT_MAX = 50;
    /** EventsLimit: 1–10,000 (GetLogEvents, FilterLogEvents). */
    public static final int EVENTS_LIMIT_MAX = 10_000;
    /** logGroupNamePattern: 0–512 characters (DescribeLogGroups). */
    public static final int NAME_PATTERN_MAX = 512;
    /** FilterPattern: 0–1024 characters. */
    public static final int FILTER_PATTERN_MAX = 1024;
    /** logStreamNames of FilterLogEvents: 1–100 names. */
    public static final int FILTER_STREAMS_MAX = 100;
    /** Days (retentionInDays): the allowed values of the current model (with 1096, which 2.9.19 lacks). */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final Set<Integer> RETENTION_SET = Set.copyOf(RETENTION_DAYS);
    /** Tags: at most 50 per resource; key 1–128, value 0–256 of letters, separators, digits and {@code _.:/=+-@}. */
    public static final int TAGS_MAX = 50;
    static final int TAG_KEY_MAX = 128;
    static final int TAG_VALUE_MAX = 256;
    static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
    static final Pattern TAG_VALUE = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private LogsRules() {
    }

    /** Validates a log group name for CreateLogGroup and every operation that names a group. */
    public static String groupName(String member, String name) {
        if (name.isEmpty()) {
            throw invalid(member, name, "Member must have length greater than or equal to 1");
        }
        if (name.length() > NAME_MAX) {
            throw AwsException.invalidParameter(
                    "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        }
        if (!GROUP_NAME.matcher(name).matches()) {
            throw invalid(member, name, "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        return name;
    }

    /** {@code logGroupName} of a request, required and valid. */
    public static String groupName(JsonRequest r) {
        return groupName("logGroupName", r.requiredString("logGroupName"));
    }

    public static String streamName(String member, String name) {
        if (name.isEmpty()) {
            throw invalid(member, name, "Member must have length greater than or equal to 1");
        }
        if (name.length() > NAME_MAX) {
            throw AwsException.invalidParameter(
                    "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        }
        if (!STREAM_NAME.matcher(name).matches()) {
            throw invalid(member, name, "Member must satisfy regular expression pattern: [^:*]*");
        }
        return name;
    }

    /** logGroupNamePrefix / logStreamNamePrefix: the name's own rules, min length 1. */
    public static String groupNamePrefix(String prefix) {
        return groupName("logGroupNamePrefix", prefix);
    }

    /** logGroupNamePattern: 0–512 characters, the group-name alphabet (a case-sensitive substring). */
    public static String groupNamePattern(String pattern) {
        if (pattern.length() > NAME_PATTERN_MAX) {
            throw invalid("logGroupNamePattern", pattern, "Member must have length less than or equal to 512");
        }
        if (!pattern.isEmpty() && !GROUP_NAME.matcher(pattern).matches()) {
            throw invalid("logGroupNamePattern", pattern,
                    "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]*");
        }
        return pattern;
    }

    /**
     * The group a request names: {@code logGroupName} xor {@code logGroupIdentifier} (a name or a log group
     * ARN of this deployment). Both ⇒ ValidationException "LogGroup name and LogGroup ARN are mutually
     * exclusive parameters." (aws-wire.md §2.1).
     */
    public static String groupNameOrIdentifier(JsonRequest r, Site site) {
        boolean byName = r.has("logGroupName");
        boolean byId = r.has("logGroupIdentifier");
        if (byName && byId) {
            throw AwsException.validation("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (!byId) {
            return groupName(r);
        }
        return groupIdentifier(r.requiredString("logGroupIdentifier"), site);
    }

    /** A LogGroupIdentifier: a name, or an ARN of this deployment's region and account (with or without :*). */
    public static String groupIdentifier(String id, Site site) {
        if (id.isEmpty()) {
            throw invalid("logGroupIdentifier", id, "Member must have length greater than or equal to 1");
        }
        if (id.length() > GROUP_IDENTIFIER_MAX) {
            throw invalid("logGroupIdentifier", id, "Member must have length less than or equal to 2048");
        }
        if (!GROUP_IDENTIFIER.matcher(id).matches()) {
            throw invalid("logGroupIdentifier", id, "Member must satisfy regular expression pattern: [\\w#+=/:,.@-]*");
        }
        if (!id.startsWith("arn:")) {
            return groupName("logGroupIdentifier", id);
        }
        return ownLogGroupArn("logGroupIdentifier", id, site);
    }

    /**
     * A log group ARN ({@code resourceArn}, {@code resourceIdentifier}) must name a log group of this
     * deployment: another region or account is not a resource Lockstream has.
     */
    public static String ownLogGroupArn(String member, String arn, Site site) {
        if (arn.isEmpty()) {
            throw invalid(member, arn, "Member must have length greater than or equal to 1");
        }
        if (arn.length() > RESOURCE_ARN_MAX && !"logGroupIdentifier".equals(member)) {
            throw invalid(member, arn, "Member must have length less than or equal to 1011");
        }
        if (!RESOURCE_ARN.matcher(arn).matches() && !"logGroupIdentifier".equals(member)) {
            throw invalid(member, arn, "Member must satisfy regular expression pattern: [\\w+=/:,.@-]*");
        }
        Arns.LogGroupArn parsed = Arns.parseLogGroup(arn).orElseThrow(() ->
                AwsException.invalidParameter("The specified " + member + " is not a valid log group ARN: " + arn));
        if (!parsed.region().equals(site.region()) || !parsed.account().equals(site.account())) {
            throw AwsException.invalidParameter("The specified " + member + " '" + arn
                    + "' is not in this deployment's region and account (" + site.region() + ", "
                    + site.account() + ").");
        }
        return groupName(member, parsed.name());
    }

    /**
     * {@code kmsKeyId} must be a key ARN (CreateLogGroup / AssociateKmsKey docs); a bare id gives
     * "The specified KMS Key Id could not be found." (aws-wire.md §5.2).
     */
    public static String kmsKeyArn(String kmsKeyId, String groupName) {
        if (kmsKeyId.length() > KMS_KEY_ID_MAX) {
            throw invalid("kmsKeyId", kmsKeyId, "Member must have length less than or equal to 256");
        }
        if (Arns.parseKey(kmsKeyId).isEmpty()) {
            throw AwsException.invalidParameter("The specified KMS Key Id could not be found. '" + groupName + "'");
        }
        return kmsKeyId;
    }

    /** retentionInDays must be one of {@link #RETENTION_DAYS} (model doc; the type is a plain integer). */
    public static int retentionInDays(int days) {
        if (!RETENTION_SET.contains(days)) {
            throw invalid("retentionInDays", days, "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        return days;
    }

    /** {@code limit} of DescribeLogGroups/DescribeLogStreams (1–50, default 50) or of event reads (1–10,000). */
    public static int limit(JsonRequest r, int max) {
        int limit = r.intValue("limit").orElse(max);
        if (limit < 1) {
            throw invalid("limit", limit, "Member must have value greater than or equal to 1");
        }
        if (limit > max) {
            throw invalid("limit", limit, "Member must have value less than or equal to " + max);
        }
        return limit;
    }

    /** nextToken: min length 1, opaque (an empty or foreign token is "The specified nextToken is invalid."). */
    public static AwsException invalidToken() {
        return AwsException.invalidParameter("The specified nextToken is invalid.");
    }

    /** filterPattern: 0–1024 characters. */
    public static String filterPattern(String pattern) {
        if (pattern != null && pattern.length() > FILTER_PATTERN_MAX) {
            throw invalid("filterPattern", pattern, "Member must have length less than or equal to 1024");
        }
        return pattern;
    }

    /**
     * A tag set to add: keys 1–128 and values 0–256 characters of the tag alphabet; at most 50 tags after
     * adding them to {@code existing} ({@code TooManyTagsException}, which carries the resource name).
     */
    public static Map<String, String> tags(String member, Map<String, String> tags, Map<String, String> existing,
                                           String resourceName) {
        if (tags.isEmpty()) {
            throw invalid(member, "{}", "Member must have length greater than or equal to 1");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String k = t.getKey();
            String v = t.getValue();
            if (k.isEmpty() || k.length() > TAG_KEY_MAX) {
                throw invalid(member + ".key", k, "Member must have length " + (k.isEmpty()
                        ? "greater than or equal to 1" : "less than or equal to 128"));
            }
            if (!TAG_KEY.matcher(k).matches()) {
                throw invalid(member + ".key", k,
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
            }
            if (v.length() > TAG_VALUE_MAX) {
                throw invalid(member + ".value", v, "Member must have length less than or equal to 256");
            }
            if (!TAG_VALUE.matcher(v).matches()) {
                throw invalid(member + ".value", v,
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
            }
        }
        long total = existing.keySet().stream().filter(k -> !tags.containsKey(k)).count() + tags.size();
        if (total > TAGS_MAX) {
            throw new TooManyTags("A resource can have no more than 50 tags.", resourceName);
        }
        return tags;
    }

    /** Tag keys to remove: 0–50 keys (UntagResource) of 1–128 characters. */
    public static List<String> tagKeys(String member, List<String> keys) {
        if (keys.size() > TAGS_MAX) {
            throw invalid(member, keys, "Member must have length less than or equal to 50");
        }
        for (String k : keys) {
            if (k.isEmpty() || k.length() > TAG_KEY_MAX || !TAG_KEY.matcher(k).matches()) {
                throw invalid(member + ".member", k, "Member must satisfy regular expression pattern: "
                        + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$ and have length between 1 and 128");
            }
        }
        return keys;
    }

    /** AWS's validation wording: {@code 1 validation error detected: Value 'x' at 'm' failed to satisfy ...}. */
    public static AwsException invalid(String member, Object value, String constraint) {
        return AwsException.invalidParameter("1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    /** TooManyTagsException; the model gives it a {@code resourceName} member besides the message. */
    public static final class TooManyTags extends AwsException {
        private static final long serialVersionUID = 1L;
        private final String resourceName;

        TooManyTags(String message, String resourceName) {
            super("TooManyTagsException", message);
            this.resourceName = resourceName;
        }

        public String resourceName() {
            return resourceName;
        }
    }
}
