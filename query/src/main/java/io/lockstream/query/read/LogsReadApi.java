package io.lockstream.query.read;

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
import io.lockstream.common.logs.LogStream;
import io.lockstream.query.filter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The read side of the CloudWatch Logs JSON 1.1 API: GetLogEvents, FilterLogEvents, DescribeLogStreams.
 * Member names, defaults and paging follow the Logs service model and aws-wire.md §2.2 and §2.4.
 */
public final class LogsReadApi {
    /** A page holds at most 1 MB of messages (GetLogEvents / FilterLogEvents docs). */
    static final int PAGE_BYTES = 1_048_576;
    static final int EVENTS_LIMIT_MAX = 10_000;

    private final GroupDirectory directory;
    private final Supplier<EventScan> scan;

    public LogsReadApi(GroupDirectory directory, Supplier<EventScan> scan) {
        this.directory = directory;
        this.scan = scan;
    }

    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("GetLogEvents", this::getLogEvents);
        ops.put("FilterLogEvents", this::filterLogEvents);
        ops.put("DescribeLogStreams", this::describeLogStreams);
        return ops;
    }

    /**
     * GetLogEvents. Tokens are {@code f/<position>} (events after it, oldest first) and {@code b/<position>}
     * (events before it); with no token, {@code startFromHead} picks the oldest or the newest events. At the
     * end of the stream the token sent is returned unchanged, which is how paginators stop.
     */
    private JsonNode getLogEvents(Call c) {
        JsonRequest r = c.request();
        LogGroup group = group(r);
        String stream = r.requiredString("logStreamName");
        directory.requireStream(group.name(), stream);
        int limit = limit(r, EVENTS_LIMIT_MAX);
        long start = r.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = r.longValue("endTime").orElse(Long.MAX_VALUE);
        String token = r.string("nextToken").orElse(null);
        boolean forward;
        EventPosition cursor = null;
        if (token != null) {
            if (token.length() < 3 || !(token.startsWith("f/") || token.startsWith("b/"))
                    || (cursor = EventPosition.parse(token.substring(2))) == null) {
                throw AwsException.invalidParameter("The specified nextToken is invalid.");
            }
            forward = token.startsWith("f/");
        } else {
            forward = r.bool("startFromHead").orElse(false);
        }
        EventPosition after = token != null && forward ? cursor : null;
        EventPosition before = token != null && !forward ? cursor : null;
        EventScan s = scan.get();
        List<EventScan.Candidate> all = s.candidates(group.name(), List.of(stream), start, end,
                p -> (after == null || p.compareTo(after) > 0) && (before == null || p.compareTo(before) < 0));
        List<EventScan.Candidate> page = forward ? all.subList(0, Math.min(limit, all.size()))
                : all.subList(Math.max(0, all.size() - limit), all.size());
        EventScan.Decryptor d = s.decryptor(group.arn());
        List<EventScan.Found> found = new ArrayList<>(page.size());
        long bytes = 0;
        for (EventScan.Candidate cand : forward ? page : reversed(page)) {
            EventScan.Found f = d.open(cand);
            bytes += f.message().getBytes(StandardCharsets.UTF_8).length + 26;
            if (bytes > PAGE_BYTES && !found.isEmpty()) {
                break;
            }
            found.add(f);
        }
        if (!forward) {
            java.util.Collections.reverse(found);
        }
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        for (EventScan.Found f : found) {
            events.addObject().put("timestamp", f.timestamp()).put("message", f.message())
                    .put("ingestionTime", f.ingestionTime());
        }
        String nextForward;
        String nextBackward;
        if (found.isEmpty()) {
            String same = token != null ? token : (forward ? "f/" : "b/") + new EventPosition(0, 0, 0, 0).digits();
            nextForward = token != null && !forward ? "f/" + cursor.digits() : same;
            nextBackward = token != null && forward ? "b/" + cursor.digits() : same;
            if (token == null) {
                nextForward = "f/" + new EventPosition(Long.MIN_VALUE == start ? 0 : start, 0, 0, 0).digits();
                nextBackward = "b/" + new EventPosition(Long.MIN_VALUE == start ? 0 : start, 0, 0, 0).digits();
            }
        } else {
            nextForward = "f/" + found.get(found.size() - 1).position().digits();
            nextBackward = "b/" + found.get(0).position().digits();
        }
        out.put("nextForwardToken", nextForward).put("nextBackwardToken", nextBackward);
        return out;
    }

    /** FilterLogEvents: events of several streams ordered by time; {@code nextToken} absent when done. */
    private JsonNode filterLogEvents(Call c) {
        JsonRequest r = c.request();
        LogGroup group = group(r);
        List<String> names = r.list("logStreamNames", JsonNode::asText).orElse(null);
        String prefix = r.string("logStreamNamePrefix").orElse(null);
        if (names != null && prefix != null) {
            throw AwsException.invalidParameter(
                    "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (names != null && (names.isEmpty() || names.size() > 100)) {
            throw AwsException.invalidParameter("1 validation error detected: Value at 'logStreamNames' failed to "
                    + "satisfy constraint: Member must have length between 1 and 100");
        }
        int limit = limit(r, EVENTS_LIMIT_MAX);
        long start = r.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = r.longValue("endTime").orElse(Long.MAX_VALUE);
        FilterPattern pattern = FilterPattern.compile(r.string("filterPattern").orElse(null));
        String token = r.string("nextToken").orElse(null);
        EventPosition after = null;
        if (token != null && (after = EventPosition.parse(token)) == null) {
            throw AwsException.invalidParameter("The specified nextToken is invalid.");
        }
        List<String> streams = directory.streamsOf(group.name()).stream().map(LogStream::name)
                .filter(n -> names == null || names.contains(n))
                .filter(n -> prefix == null || n.startsWith(prefix))
                .collect(Collectors.toList());
        EventPosition cursor = after;
        EventScan s = scan.get();
        List<EventScan.Candidate> all = s.candidates(group.name(), streams, start, end,
                p -> cursor == null || p.compareTo(cursor) > 0);
        EventScan.Decryptor d = s.decryptor(group.arn());
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        int returned = 0;
        long bytes = 0;
        EventPosition last = null;
        boolean more = false;
        for (EventScan.Candidate cand : all) {
            if (returned >= limit || bytes >= PAGE_BYTES) {
                more = true;
                break;
            }
            EventScan.Found f = d.open(cand);
            last = f.position();
            if (!pattern.matches(f.message())) {
                continue;
            }
            events.addObject().put("logStreamName", f.stream()).put("timestamp", f.timestamp())
                    .put("message", f.message()).put("ingestionTime", f.ingestionTime())
                    .put("eventId", f.position().digits());
            returned++;
            bytes += f.message().getBytes(StandardCharsets.UTF_8).length + 26;
        }
        out.putArray("searchedLogStreams");
        if (more && last != null) {
            out.put("nextToken", last.digits());
        }
        return out;
    }

    private JsonNode describeLogStreams(Call c) {
        JsonRequest r = c.request();
        LogGroup group = group(r);
        String prefix = r.string("logStreamNamePrefix").orElse(null);
        String orderBy = r.string("orderBy").orElse("LogStreamName");
        if (!"LogStreamName".equals(orderBy) && !"LastEventTime".equals(orderBy)) {
            throw AwsException.invalidParameter("1 validation error detected: Value '" + orderBy + "' at 'orderBy' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if ("LastEventTime".equals(orderBy) && prefix != null) {
            throw AwsException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = r.intValue("limit").orElse(50);
        if (limit < 1 || limit > 50) {
            throw AwsException.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' "
                    + "failed to satisfy constraint: Member must have value between 1 and 50");
        }
        boolean descending = r.bool("descending").orElse(false);
        List<LogStream> streams = directory.streamsOf(group.name()).stream()
                .filter(st -> prefix == null || st.name().startsWith(prefix)).collect(Collectors.toList());
        if (descending) {
            java.util.Collections.reverse(streams);
        }
        int from = 0;
        String token = r.string("nextToken").orElse(null);
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AwsException.invalidParameter("The specified nextToken is invalid.");
            }
        }
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("logStreams");
        int to = Math.min(streams.size(), from + limit);
        for (LogStream st : streams.subList(Math.min(from, to), to)) {
            arr.addObject().put("logStreamName", st.name()).put("creationTime", st.creationTime())
                    .put("arn", group.arn() + ":log-stream:" + st.name()).put("storedBytes", 0);
        }
        if (to < streams.size()) {
            out.put("nextToken", String.valueOf(to));
        }
        return out;
    }

    /** The group named by {@code logGroupName} xor {@code logGroupIdentifier} (a name or an ARN). */
    private LogGroup group(JsonRequest r) {
        boolean byName = r.has("logGroupName");
        boolean byId = r.has("logGroupIdentifier");
        if (byName && byId) {
            throw AwsException.validation("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (!byName && !byId) {
            throw AwsException.invalidParameter("1 validation error detected: Value null at 'logGroupName' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        String name = byName ? r.requiredString("logGroupName") : r.requiredString("logGroupIdentifier");
        if (byId && name.startsWith("arn:")) {
            name = Arns.parseLogGroup(name).map(Arns.LogGroupArn::name)
                    .orElseThrow(() -> AwsException.invalidParameter("Invalid logGroupIdentifier."));
        }
        return directory.requireGroup(name);
    }

    private static int limit(JsonRequest r, int max) {
        int limit = r.intValue("limit").orElse(max);
        if (limit < 1 || limit > max) {
            throw AwsException.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + max));
        }
        return limit;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
