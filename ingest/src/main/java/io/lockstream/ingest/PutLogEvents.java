package io.lockstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * PutLogEvents: validates the batch as CloudWatch Logs does (aws-wire.md §2.3), drops too-old, expired
 * and too-new events into {@code rejectedLogEventsInfo}, seals the rest and stores them durably.
 */
final class PutLogEvents {
    private final GroupDirectory directory;
    private final EventWriter writer;
    private final Clock clock;

    PutLogEvents(GroupDirectory directory, EventWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The outcome of a put.
     *
     * @param nextSequenceToken still returned by AWS although ignored on input
     * @param tooNewLogEventStartIndex first too-new event (inclusive), or null
     * @param tooOldLogEventEndIndex end of too-old events (exclusive), or null
     * @param expiredLogEventEndIndex end of expired events (exclusive), or null
     */
    record Result(String nextSequenceToken, Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex,
                  Integer expiredLogEventEndIndex) {
    }

    Result put(String groupName, String streamName, JsonNode events) {
        LogGroup group = directory.requireGroup(groupName);
        directory.requireStream(groupName, streamName);
        int n = events.size();
        if (n < 1 || n > LogsRules.BATCH_EVENTS_MAX) {
            throw LogsRules.invalid("logEvents", "[...]", n < 1 ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 10000");
        }
        long now = clock.millis();
        long[] timestamps = new long[n];
        byte[][] messages = new byte[n][];
        long batchBytes = 0;
        for (int i = 0; i < n; i++) {
            JsonNode e = events.get(i);
            JsonNode ts = e.get("timestamp");
            JsonNode msg = e.get("message");
            if (ts == null || ts.isNull()) {
                throw LogsRules.invalid("logEvents." + (i + 1) + ".member.timestamp", null, "Member must not be null");
            }
            if (!ts.isIntegralNumber() || !ts.canConvertToLong() || ts.longValue() < 0) {
                throw LogsRules.invalid("logEvents." + (i + 1) + ".member.timestamp", ts.asText(),
                        "Member must have value greater than or equal to 0");
            }
            if (msg == null || !msg.isTextual()) {
                throw LogsRules.invalid("logEvents." + (i + 1) + ".member.message", null, "Member must not be null");
            }
            if (msg.textValue().isEmpty()) {
                throw LogsRules.invalid("logEvents." + (i + 1) + ".member.message", "",
                        "Member must have length greater than or equal to 1");
            }
            timestamps[i] = ts.longValue();
            messages[i] = msg.textValue().getBytes(StandardCharsets.UTF_8);
            long eventBytes = messages[i].length + (long) LogsRules.EVENT_OVERHEAD_BYTES;
            if (eventBytes > LogsRules.BATCH_BYTES_MAX) {
                throw AwsException.invalidParameter("Log event too large: " + eventBytes + " bytes exceeds limit of "
                        + LogsRules.BATCH_BYTES_MAX);
            }
            batchBytes += eventBytes;
            if (i > 0 && timestamps[i] < timestamps[i - 1]) {
                throw AwsException.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (batchBytes > LogsRules.BATCH_BYTES_MAX) {
            throw AwsException.invalidParameter("Upload too large: " + batchBytes + " bytes exceeds limit of "
                    + LogsRules.BATCH_BYTES_MAX);
        }
        // Events are sorted, so rejected old/expired events form a prefix and too-new ones a suffix.
        long expiredBefore = group.retentionInDays() == null ? Long.MIN_VALUE
                : now - group.retentionInDays() * 86_400_000L;
        long oldBefore = now - LogsRules.TOO_OLD_MS;
        int first = 0;
        Integer expiredEnd = null;
        Integer tooOldEnd = null;
        while (first < n && (timestamps[first] < oldBefore || timestamps[first] < expiredBefore)) {
            first++;
            if (timestamps[first - 1] < expiredBefore) {
                expiredEnd = first;
            }
            if (timestamps[first - 1] < oldBefore) {
                tooOldEnd = first;
            }
        }
        int end = n;
        while (end > first && timestamps[end - 1] > now + LogsRules.TOO_NEW_MS) {
            end--;
        }
        Integer tooNewStart = end < n ? end : null;
        if (end > first && timestamps[end - 1] - timestamps[first] > LogsRules.BATCH_SPAN_MAX_MS) {
            throw AwsException.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        String token = null;
        if (end > first) {
            EventBatch.Builder b = EventBatch.builder(streamName, now, end - first);
            for (int i = first; i < end; i++) {
                b.add(timestamps[i], messages[i]);
            }
            RecordMetadata md = writer.write(groupName, group.arn(), b.build());
            token = String.format("%056d", md.offset() + 1);
        }
        return new Result(token == null ? String.format("%056d", 0) : token, tooNewStart, tooOldEnd, expiredEnd);
    }
}
