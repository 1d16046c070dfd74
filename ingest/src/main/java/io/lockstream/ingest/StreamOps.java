package io.lockstream.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.common.logs.LogsRules;
import java.util.LinkedHashMap;
import java.util.Map;

/** CreateLogStream, DeleteLogStream, PutLogEvents. */
final class StreamOps {
    private final GroupAdmin admin;
    private final PutLogEvents putLogEvents;

    StreamOps(GroupAdmin admin, PutLogEvents putLogEvents) {
        this.admin = admin;
        this.putLogEvents = putLogEvents;
    }

    Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateLogStream", c -> {
            JsonRequest r = c.request();
            admin.createStream(LogsRules.groupName(r), streamName(r));
            return null;
        });
        ops.put("DeleteLogStream", c -> {
            JsonRequest r = c.request();
            admin.deleteStream(LogsRules.groupName(r), streamName(r));
            return null;
        });
        ops.put("PutLogEvents", this::putLogEvents);
        return ops;
    }

    private static String streamName(JsonRequest r) {
        return LogsRules.streamName("logStreamName", r.requiredString("logStreamName"));
    }

    /** {@code sequenceToken} and {@code entity} are accepted and ignored (aws-wire.md §2.2). */
    private com.fasterxml.jackson.databind.JsonNode putLogEvents(Call c) {
        JsonRequest r = c.request();
        String group = LogsRules.groupName(r);
        String stream = streamName(r);
        if (!r.has("logEvents")) {
            throw r.missing("logEvents");
        }
        PutLogEvents.Result res = putLogEvents.put(group, stream, r.body().get("logEvents"));
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
}
