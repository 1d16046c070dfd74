package io.lockstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogsRules;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * PutLogEvents: validates the batch as CloudWatch Logs does (aws-wire.md §2.3), drops too-old, expired
 * and too-new events into {@code rejectedLogEventsInfo} (they are not stored), seals the rest and stores
 * them durably. The validation is the pure {@link #check} so each rule is unit-tested without Kafka.
 */
final class PutLogEvents {
    private final KeyGate keyGate;
    private final GroupDirectory directory;
    private final EventWriter writer;
    private final LockstreamMetrics metrics;
    private final Clock clock;

    PutLogEvents(GroupDirectory directory, EventWriter writer, KeyGate keyGate, Clock clock) {
        this(directory, writer, keyGate, clock, LockstreamMetrics.noop());
    }

    PutLogEvents(GroupDirectory directory, EventWriter writer, KeyGate keyGate, Clock clock, LockstreamMetrics metrics) {
        this.metrics = metrics;
        this.keyGate = keyGate;
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

    /**
     * A validated batch: events {@code [first, end)} are stored, the rest are rejected as described by the
     * three indices (null when nothing of that kind was rejected).
     */
    record Checked(long[] timestamps, byte[][] messages, int first, int end, Integer tooNewStart,
                   Integer tooOldEnd, Integer expiredEnd) {
    }

    Result put(String groupName, String streamName, JsonNode events) {
        LogGroup group = directory.requireGroup(groupName);
        directory.requireStream(groupName, streamName);
        long now = clock.millis();
        Checked c = check(events, now, group.retentionInDays());
        if (group.kmsKeyId() != null) {
            keyGate.require(group.kmsKeyId(), group.arn());
        }
        String token = String.format("%056d", 0);
        if (c.end() > c.first()) {
            EventBatch.Builder b = EventBatch.builder(streamName, now, c.end() - c.first());
            for (int i = c.first(); i < c.end(); i++) {
                b.add(c.timestamps()[i], c.messages()[i]);
            }
            RecordMetadata md = writer.write(groupName, group.arn(), b.build());
            metrics.eventsIngested(c.end() - c.first());
            token = String.format("%056d", md.offset() + 1);
        }
        return new Result(token, c.tooNewStart(), c.tooOldEnd(), c.expiredEnd());
    }

    /** Every PutLogEvents batch rule of aws-wire.md §2.3, at time {@code now}. */
    static Checked check(JsonNode events, long now, Integer retentionInDays) {
        if (events == null || events.isNull()) {
            throw LogsRules.invalid("logEvents", null, "Member must not be null");
        }
        if (!events.isArray()) {
            throw new AwsException("SerializationException", "Unexpected value type for 'logEvents': expected list");
        }
        int n = events.size();
        // Model: InputLogEvents has 1..10000 members.
        if (n < 1 || n > LogsRules.BATCH_EVENTS_MAX) {
            throw LogsRules.invalid("logEvents", "[...]", n < 1 ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 10000");
        }
        long[] timestamps = new long[n];
        byte[][] messages = new byte[n][];
        long batchBytes = 0;
        for (int i = 0; i < n; i++) {
            JsonNode e = events.get(i);
            if (e == null || !e.isObject()) {
                throw new AwsException("SerializationException", "Unexpected value type for 'logEvents': expected "
                        + "a list of InputLogEvent structures");
            }
            JsonNode ts = e.get("timestamp");
            JsonNode msg = e.get("message");
            String at = "logEvents." + (i + 1) + ".member.";
            // InputLogEvent.timestamp: required, a long >= 0.
            if (ts == null || ts.isNull()) {
                throw LogsRules.invalid(at + "timestamp", null, "Member must not be null");
            }
            if (!ts.isIntegralNumber() || !ts.canConvertToLong() || ts.longValue() < 0) {
                throw LogsRules.invalid(at + "timestamp", ts.asText(), "Member must have value greater than or equal to 0");
            }
            // InputLogEvent.message: required, min length 1.
            if (msg == null || msg.isNull()) {
                throw LogsRules.invalid(at + "message", null, "Member must not be null");
            }
            if (!msg.isTextual()) {
                throw new AwsException("SerializationException", "Unexpected value type for '" + at + "message'");
            }
            if (msg.textValue().isEmpty()) {
                throw LogsRules.invalid(at + "message", "", "Member must have length greater than or equal to 1");
            }
            timestamps[i] = ts.longValue();
            messages[i] = msg.textValue().getBytes(StandardCharsets.UTF_8);
            // Event size: UTF-8 bytes + 26 <= the per-event maximum ("Log event too large: N bytes exceeds ...").
            long eventBytes = messages[i].length + (long) LogsRules.EVENT_OVERHEAD_BYTES;
            if (eventBytes > LogsRules.EVENT_BYTES_MAX) {
                throw AwsException.invalidParameter("Log event too large: " + eventBytes + " bytes exceeds limit of "
                        + LogsRules.EVENT_BYTES_MAX);
            }
            batchBytes += eventBytes;
            // Events must be in chronological order; the whole request fails otherwise.
            if (i > 0 && timestamps[i] < timestamps[i - 1]) {
                throw AwsException.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        // Batch size: sum of (UTF-8 bytes + 26) <= 1,048,576.
        if (batchBytes > LogsRules.BATCH_BYTES_MAX) {
            throw AwsException.invalidParameter("Upload too large: " + batchBytes + " bytes exceeds limit of "
                    + LogsRules.BATCH_BYTES_MAX);
        }
        // Events are sorted, so rejected old/expired events form a prefix and too-new ones a suffix. Too old:
        // more than 14 days; expired: older than the group's retention; end indices are exclusive.
        long expiredBefore = retentionInDays == null ? Long.MIN_VALUE : now - retentionInDays * 86_400_000L;
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
        // Too new: more than 2 hours in the future; the start index is inclusive.
        int end = n;
        while (end > first && timestamps[end - 1] > now + LogsRules.TOO_NEW_MS) {
            end--;
        }
        Integer tooNewStart = end < n ? end : null;
        // 24-hour span, counted over the events that are kept (current model doc).
        if (end > first && timestamps[end - 1] - timestamps[first] > LogsRules.BATCH_SPAN_MAX_MS) {
            throw AwsException.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        return new Checked(timestamps, messages, first, end, tooNewStart, tooOldEnd, expiredEnd);
    }
}
