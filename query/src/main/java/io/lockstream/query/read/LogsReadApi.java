package io.lockstream.query.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Site;
import io.lockstream.common.logs.LogsRules;
import java.time.Clock;
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
    static final int EVENTS_LIMIT_MAX = LogsRules.EVENTS_LIMIT_MAX;
    /** FilterLogEvents reads candidates in chunks of this many, in order. */
    static final int SCAN_CHUNK = 10_000;
    /** FilterLogEvents decrypts at most this many events per page before answering with a nextToken. */
    static final int SCAN_BUDGET = 200_000;

    private final Site site;
    private final GroupDirectory directory;
    private final Supplier<EventScan> scan;
    private final Clock clock;
    private final DescribeOps describe;

    public LogsReadApi(Site site, GroupDirectory directory, Supplier<EventScan> scan, Clock clock) {
        this.site = site;
        this.directory = directory;
        this.scan = scan;
        this.clock = clock;
        this.describe = new DescribeOps(site, directory, scan, clock);
    }

    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("GetLogEvents", this::getLogEvents);
        ops.put("FilterLogEvents", this::filterLogEvents);
        ops.putAll(describe.operations());
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
        LogStream stream = directory.requireStream(group.name(),
                LogsRules.streamName("logStreamName", r.requiredString("logStreamName")));
        int limit = LogsRules.limit(r, EVENTS_LIMIT_MAX);
        long start = r.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = r.longValue("endTime").orElse(Long.MAX_VALUE);
        String token = r.string("nextToken").orElse(null);
        boolean forward;
        EventPosition cursor = null;
        if (token != null) {
            if (token.length() < 3 || !(token.startsWith("f/") || token.startsWith("b/"))
                    || (cursor = EventPosition.parse(token.substring(2))) == null) {
                throw LogsRules.invalidToken();
            }
            forward = token.startsWith("f/");
        } else {
            forward = r.bool("startFromHead").orElse(false);
        }
        EventPosition after = token != null && forward ? cursor : null;
        EventPosition before = token != null && !forward ? cursor : null;
        EventScan s = scan.get();
        List<EventScan.Candidate> page = s.candidates(group, List.of(stream), start, end, clock.millis(),
                p -> (after == null || p.compareTo(after) > 0) && (before == null || p.compareTo(before) < 0),
                limit, !forward);
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
        List<String> names = r.list("logStreamNames", n -> LogsRules.streamName("logStreamNames.member",
                n.asText())).orElse(null);
        String prefix = r.string("logStreamNamePrefix").map(p -> LogsRules.streamName("logStreamNamePrefix", p))
                .orElse(null);
        if (names != null && prefix != null) {
            throw AwsException.invalidParameter(
                    "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (names != null && (names.isEmpty() || names.size() > LogsRules.FILTER_STREAMS_MAX)) {
            throw LogsRules.invalid("logStreamNames", names, names.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 100");
        }
        int limit = LogsRules.limit(r, EVENTS_LIMIT_MAX);
        long start = r.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = r.longValue("endTime").orElse(Long.MAX_VALUE);
        FilterPattern pattern = FilterPattern.compile(LogsRules.filterPattern(r.string("filterPattern").orElse(null)));
        String token = r.string("nextToken").orElse(null);
        EventPosition after = null;
        if (token != null && (after = EventPosition.parse(token)) == null) {
            throw LogsRules.invalidToken();
        }
        List<LogStream> streams = directory.streamsOf(group.name()).stream()
                .filter(st -> names == null || names.contains(st.name()))
                .filter(st -> prefix == null || st.name().startsWith(prefix))
                .collect(Collectors.toList());
        EventScan s = scan.get();
        EventScan.Decryptor d = s.decryptor(group.arn());
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        long now = clock.millis();
        int returned = 0;
        int scanned = 0;
        long bytes = 0;
        EventPosition last = after;
        boolean more = false;
        // Candidates come in bounded chunks, in order, so memory does not grow with the time range; a page also
        // stops after SCAN_BUDGET events decrypted, with a nextToken (a page may hold fewer than limit events).
        scan:
        while (true) {
            EventPosition from = last;
            List<EventScan.Candidate> chunk = s.candidates(group, streams, start, end, now,
                    p -> from == null || p.compareTo(from) > 0, SCAN_CHUNK, false);
            for (EventScan.Candidate cand : chunk) {
                if (returned >= limit || bytes >= PAGE_BYTES || scanned >= SCAN_BUDGET) {
                    more = true;
                    break scan;
                }
                EventScan.Found f = d.open(cand);
                last = f.position();
                scanned++;
                if (!pattern.matches(f.message())) {
                    continue;
                }
                events.addObject().put("logStreamName", f.stream()).put("timestamp", f.timestamp())
                        .put("message", f.message()).put("ingestionTime", f.ingestionTime())
                        .put("eventId", f.position().digits());
                returned++;
                bytes += f.message().getBytes(StandardCharsets.UTF_8).length + 26;
            }
            if (chunk.size() < SCAN_CHUNK) {
                break;
            }
        }
        out.putArray("searchedLogStreams");
        if (more && last != null) {
            out.put("nextToken", last.digits());
        }
        return out;
    }

    /** The group named by {@code logGroupName} xor {@code logGroupIdentifier} (a name or an ARN). */
    private LogGroup group(JsonRequest r) {
        return directory.requireGroup(LogsRules.groupNameOrIdentifier(r, site));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
