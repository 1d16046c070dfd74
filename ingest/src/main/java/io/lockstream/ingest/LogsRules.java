package io.lockstream.ingest;

import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs' validation rules, each defined once, with its source (aws-wire.md §2.1, §2.3, the
 * Logs API reference). All are enforced server-side: the Java SDK validates nothing.
 */
public final class LogsRules {
    /** LogGroupName: 1–512 characters of {@code [\.\-_/#A-Za-z0-9]}. */
    static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    static final int NAME_MAX = 512;
    /** LogStreamName: 1–512 characters, no ':' or '*'. */
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    /** KmsKeyId: at most 256 characters, and a key ARN. */
    static final int KMS_KEY_ID_MAX = 256;
    /** PutLogEvents: at most 1,048,576 bytes, counting each message's UTF-8 bytes plus 26. */
    public static final int BATCH_BYTES_MAX = 1_048_576;
    public static final int EVENT_OVERHEAD_BYTES = 26;
    /** PutLogEvents: 1 to 10,000 events. */
    public static final int BATCH_EVENTS_MAX = 10_000;
    /** A batch may not span more than 24 hours. */
    public static final long BATCH_SPAN_MAX_MS = 24L * 3600 * 1000;
    /** Events more than 2 hours in the future are rejected individually. */
    public static final long TOO_NEW_MS = 2L * 3600 * 1000;
    /** Events older than 14 days are rejected individually. */
    public static final long TOO_OLD_MS = 14L * 24 * 3600 * 1000;

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

    static AwsException invalid(String member, Object value, String constraint) {
        return AwsException.invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
