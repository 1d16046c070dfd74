package io.lockstream.query.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.aws.Site;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.common.logs.LogsRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * DescribeLogGroups and DescribeLogStreams (aws-wire.md §2.2, §2.4). They live on the query side because
 * {@code storedBytes} and the streams' event timestamps come from the sealed store's clear parts.
 */
final class DescribeOps {
    private final Site site;
    private final GroupDirectory directory;
    private final Supplier<EventScan> scan;
    private final java.time.Clock clock;

    DescribeOps(Site site, GroupDirectory directory, Supplier<EventScan> scan, java.time.Clock clock) {
        this.site = site;
        this.directory = directory;
        this.scan = scan;
        this.clock = clock;
    }

    Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("DescribeLogGroups", this::describeLogGroups);
        ops.put("DescribeLogStreams", this::describeLogStreams);
        return ops;
    }

    /**
     * Groups sorted by name (ASCII). {@code logGroupNamePrefix} xor {@code logGroupNamePattern} (a
     * case-sensitive substring); {@code logGroupIdentifiers} (names or ARNs) narrows further. {@code nextToken}
     * is the opaque encoding of the last name returned; absent on the last page.
     */
    private JsonNode describeLogGroups(Call c) {
        JsonRequest r = c.request();
        String prefix = r.string("logGroupNamePrefix").map(LogsRules::groupNamePrefix).orElse(null);
        String pattern = r.string("logGroupNamePattern").map(LogsRules::groupNamePattern).orElse(null);
        if (prefix != null && pattern != null) {
            throw AwsException.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        Set<String> only = r.list("logGroupIdentifiers", n -> LogsRules.groupIdentifier(n.asText(), site))
                .map(Set::copyOf).orElse(null);
        if (only != null && (only.isEmpty() || only.size() > LogsRules.DESCRIBE_LIMIT_MAX)) {
            throw LogsRules.invalid("logGroupIdentifiers", only, "Member must have length between 1 and 50");
        }
        int limit = LogsRules.limit(r, LogsRules.DESCRIBE_LIMIT_MAX);
        String after = r.string("nextToken").map(DescribeOps::decodeToken).orElse(null);
        List<LogGroup> matching = directory.groupsSorted().stream()
                .filter(g -> prefix == null || g.name().startsWith(prefix))
                .filter(g -> pattern == null || g.name().contains(pattern))
                .filter(g -> only == null || only.contains(g.name()))
                .filter(g -> after == null || g.name().compareTo(after) > 0)
                .collect(Collectors.toList());
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("logGroups");
        EventScan s = scan.get();
        for (LogGroup g : matching.subList(0, Math.min(limit, matching.size()))) {
            ObjectNode o = arr.addObject();
            o.put("logGroupName", g.name()).put("creationTime", g.creationTime());
            if (g.retentionInDays() != null) {
                o.put("retentionInDays", g.retentionInDays());
            }
            // storedBytes: ciphertext (sealed envelope) bytes of the group now in the query store.
            o.put("metricFilterCount", 0).put("arn", g.arn() + ":*").put("storedBytes", s.storedBytes(g.name()));
            if (g.kmsKeyId() != null) {
                o.put("kmsKeyId", g.kmsKeyId());
            }
            o.put("logGroupClass", "STANDARD").put("logGroupArn", g.arn()).put("deletionProtectionEnabled", false);
        }
        if (matching.size() > limit) {
            out.put("nextToken", encodeToken(matching.get(limit - 1).name()));
        }
        return out;
    }

    /**
     * Streams of a group by name (default) or by last event time, ascending unless {@code descending}.
     * Event timestamps are the clear timestamps of the visible stored events; a stream without events has
     * only {@code arn, creationTime, logStreamName, storedBytes} (always 0, deprecated).
     */
    private JsonNode describeLogStreams(Call c) {
        JsonRequest r = c.request();
        LogGroup group = directory.requireGroup(LogsRules.groupNameOrIdentifier(r, site));
        String prefix = r.string("logStreamNamePrefix").map(p -> LogsRules.streamName("logStreamNamePrefix", p))
                .orElse(null);
        String orderBy = r.string("orderBy").orElse("LogStreamName");
        if (!"LogStreamName".equals(orderBy) && !"LastEventTime".equals(orderBy)) {
            throw LogsRules.invalid("orderBy", orderBy, "Member must satisfy enum value set: [LogStreamName, "
                    + "LastEventTime]");
        }
        if ("LastEventTime".equals(orderBy) && prefix != null) {
            throw AwsException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = LogsRules.limit(r, LogsRules.DESCRIBE_LIMIT_MAX);
        boolean descending = r.bool("descending").orElse(false);
        int from = r.string("nextToken").map(DescribeOps::decodeOffset).orElse(0);
        EventScan s = scan.get();
        long now = clock.millis();
        List<Described> streams = new ArrayList<>();
        for (LogStream st : directory.streamsOf(group.name())) {
            if (prefix == null || st.name().startsWith(prefix)) {
                streams.add(new Described(st, s.stats(group, st, now)));
            }
        }
        Comparator<Described> order = "LastEventTime".equals(orderBy)
                ? Comparator.comparingLong(Described::lastEventTime).thenComparing(d -> d.stream().name())
                : Comparator.comparing(d -> d.stream().name());
        streams.sort(descending ? order.reversed() : order);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("logStreams");
        int to = Math.min(streams.size(), from + limit);
        for (Described d : streams.subList(Math.min(from, to), to)) {
            ObjectNode o = arr.addObject().put("logStreamName", d.stream().name())
                    .put("creationTime", d.stream().creationTime());
            if (d.stats() != null) {
                o.put("firstEventTimestamp", d.stats().first()).put("lastEventTimestamp", d.stats().last())
                        .put("lastIngestionTime", d.stats().lastIngestion())
                        .put("uploadSequenceToken", String.format("%056d", d.stats().lastIngestion()));
            }
            o.put("arn", group.arn() + ":log-stream:" + d.stream().name()).put("storedBytes", 0);
        }
        if (to < streams.size()) {
            out.put("nextToken", encodeToken("s/" + to));
        }
        return out;
    }

    private record Described(LogStream stream, EventScan.StreamStats stats) {
        long lastEventTime() {
            return stats == null ? Long.MIN_VALUE : stats.last();
        }
    }

    private static String encodeToken(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + s).getBytes(StandardCharsets.UTF_8));
    }

    /** The content of a token this service issued, or "The specified nextToken is invalid.". */
    private static String decodeToken(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("v1:") && s.length() > 3) {
                return s.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw LogsRules.invalidToken();
    }

    private static int decodeOffset(String token) {
        String s = decodeToken(token);
        if (s.startsWith("s/")) {
            try {
                int n = Integer.parseInt(s.substring(2));
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw LogsRules.invalidToken();
    }
}
