package io.lockstream.server.it;

import static io.lockstream.server.it.LogsAssert.events;
import static io.lockstream.server.it.LogsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** The CloudWatch Logs contract through the AWS SDK for Java v2: every operation, rule and error. */
class LogsApiIT {
    private static final long DAY = 86_400_000L;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void client() {
        logs = TestLockstream.logs();
    }

    @AfterAll
    static void close() {
        logs.close();
    }

    private static String group(String prefix) {
        String g = TestLockstream.uniqueName(prefix);
        logs.createLogGroup(b -> b.logGroupName(g));
        return g;
    }

    private static String groupWithStream(String prefix, String stream) {
        String g = group(prefix);
        logs.createLogStream(b -> b.logGroupName(g).logStreamName(stream));
        return g;
    }

    private static List<String> messages(String g, String s) {
        return logs.getLogEvents(b -> b.logGroupName(g).logStreamName(s).startFromHead(true)).events().stream()
                .map(OutputLogEvent::message).collect(Collectors.toList());
    }

    private static void awaitCount(String g, String s, int n) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(messages(g, s)).hasSize(n));
    }

    @Test
    void create_and_delete_log_group_errors() {
        String g = group("grp");
        fails(() -> logs.createLogGroup(b -> b.logGroupName(g)), "ResourceAlreadyExistsException",
                "The specified log group already exists");
        fails(() -> logs.createLogGroup(b -> b.logGroupName("bad name")), "InvalidParameterException",
                "Member must satisfy regular expression pattern");
        fails(() -> logs.createLogGroup(b -> b.logGroupName("x".repeat(513))), "InvalidParameterException",
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        fails(() -> logs.createLogGroup(b -> b.logGroupName("")), "InvalidParameterException",
                "Member must have length greater than or equal to 1");
        fails(() -> logs.createLogGroup(b -> b.logGroupName(TestLockstream.uniqueName("k")).kmsKeyId("1234abcd")),
                "InvalidParameterException", "The specified KMS Key Id could not be found.");
        logs.deleteLogGroup(b -> b.logGroupName(g));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups()).isEmpty();
        fails(() -> logs.deleteLogGroup(b -> b.logGroupName(g)), "ResourceNotFoundException",
                "The specified log group does not exist.");
    }

    @Test
    void deleted_group_data_is_gone_when_recreated() {
        String g = groupWithStream("recreate", "s");
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(events(now(), "old")));
        awaitCount(g, "s", 1);
        logs.deleteLogGroup(b -> b.logGroupName(g));
        logs.createLogGroup(b -> b.logGroupName(g));
        logs.createLogStream(b -> b.logGroupName(g).logStreamName("s"));
        assertThat(messages(g, "s")).isEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0).storedBytes())
                        .isZero());
    }

    @Test
    void describe_log_groups_fields_prefix_pattern_and_paging() {
        String base = TestLockstream.uniqueName("dlg");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String n = base + "-" + i;
            names.add(n);
            logs.createLogGroup(b -> b.logGroupName(n).tags(Map.of("i", "x")));
        }
        LogGroup first = logs.describeLogGroups(b -> b.logGroupNamePrefix(base)).logGroups().get(0);
        String arn = Policies.groupArn(names.get(0));
        assertThat(first.logGroupName()).isEqualTo(names.get(0));
        assertThat(first.arn()).isEqualTo(arn + ":*");
        assertThat(first.logGroupArn()).isEqualTo(arn);
        assertThat(first.creationTime()).isPositive();
        assertThat(first.storedBytes()).isZero();
        assertThat(first.metricFilterCount()).isZero();
        assertThat(first.retentionInDays()).isNull();
        assertThat(first.kmsKeyId()).isNull();
        assertThat(first.logGroupClassAsString()).isEqualTo("STANDARD");

        // Pages of 2, sorted by name, nextToken absent on the last page; the paginator sees all of them.
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var page = logs.describeLogGroups(b -> b.logGroupNamePrefix(base).limit(2).nextToken(t));
            page.logGroups().forEach(x -> seen.add(x.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).isEqualTo(names);
        assertThat(pages).isEqualTo(3);
        assertThat(logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(base).limit(1)).logGroups().stream()
                .map(LogGroup::logGroupName).collect(Collectors.toList())).isEqualTo(names);

        assertThat(logs.describeLogGroups(b -> b.logGroupNamePattern(base.substring(4) + "-3")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly(names.get(3));
        fails(() -> logs.describeLogGroups(b -> b.logGroupNamePrefix(base).logGroupNamePattern("x")),
                "InvalidParameterException",
                "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        fails(() -> logs.describeLogGroups(b -> b.limit(51)), "InvalidParameterException",
                "Member must have value less than or equal to 50");
        fails(() -> logs.describeLogGroups(b -> b.limit(0)), "InvalidParameterException",
                "Member must have value greater than or equal to 1");
        fails(() -> logs.describeLogGroups(b -> b.nextToken("garbage!")), "InvalidParameterException",
                "The specified nextToken is invalid.");
    }

    @Test
    void retention_policy_values_visibility_and_purge() {
        String g = groupWithStream("ret", "s");
        long now = now();
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(now - 3 * DAY, "three-days-old")));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(events(now, "fresh")));
        awaitCount(g, "s", 2);
        for (int bad : new int[] {0, 2, 4000}) {
            fails(() -> logs.putRetentionPolicy(b -> b.logGroupName(g).retentionInDays(bad)),
                    "InvalidParameterException", "Member must satisfy enum value set");
        }
        fails(() -> logs.putRetentionPolicy(b -> b.logGroupName(TestLockstream.uniqueName("none")).retentionInDays(1)),
                "ResourceNotFoundException", "The specified log group does not exist.");
        long storedBefore = logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0).storedBytes();
        assertThat(storedBefore).isPositive();

        logs.putRetentionPolicy(b -> b.logGroupName(g).retentionInDays(1));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0).retentionInDays())
                .isEqualTo(1);
        // Expired events stop being returned at once, by every read...
        assertThat(messages(g, "s")).containsExactly("fresh");
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g)).events()).extracting(FilteredLogEvent::message)
                .containsExactly("fresh");
        LogStream st = logs.describeLogStreams(b -> b.logGroupName(g)).logStreams().get(0);
        assertThat(st.firstEventTimestamp()).isEqualTo(now);
        // ...are refused on put (expiredLogEventEndIndex)...
        PutLogEventsResponse r = logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(now - 2 * DAY, "expired")));
        assertThat(r.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
        // ...and are purged from the store by the punctuator.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0).storedBytes())
                .isPositive().isLessThan(storedBefore));

        logs.deleteRetentionPolicy(b -> b.logGroupName(g));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0).retentionInDays()).isNull();
        fails(() -> logs.deleteRetentionPolicy(b -> b.logGroupName(TestLockstream.uniqueName("none"))),
                "ResourceNotFoundException", "The specified log group does not exist.");
    }

    @Test
    void log_streams_create_delete_and_describe() {
        String g = group("streams");
        fails(() -> logs.createLogStream(b -> b.logGroupName(TestLockstream.uniqueName("none")).logStreamName("s")),
                "ResourceNotFoundException", "The specified log group does not exist.");
        fails(() -> logs.createLogStream(b -> b.logGroupName(g).logStreamName("a:b")), "InvalidParameterException",
                "[^:*]*");
        for (String s : List.of("a-1", "a-2", "b-1")) {
            logs.createLogStream(b -> b.logGroupName(g).logStreamName(s));
        }
        fails(() -> logs.createLogStream(b -> b.logGroupName(g).logStreamName("a-1")),
                "ResourceAlreadyExistsException", "The specified log stream already exists");
        long now = now();
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("b-1").logEvents(events(now - 5000, "x")));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("a-2").logEvents(events(now - 9000, "y")));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("a-2").logEvents(events(now - 1000, "z")));
        awaitCount(g, "a-2", 2);
        awaitCount(g, "b-1", 1);

        DescribeLogStreamsResponse all = logs.describeLogStreams(b -> b.logGroupName(g));
        assertThat(all.logStreams()).extracting(LogStream::logStreamName).containsExactly("a-1", "a-2", "b-1");
        LogStream empty = all.logStreams().get(0);
        assertThat(empty.firstEventTimestamp()).isNull();
        assertThat(empty.lastEventTimestamp()).isNull();
        assertThat(empty.arn()).isEqualTo(Policies.groupArn(g) + ":log-stream:a-1");
        assertThat(empty.storedBytes()).isZero();
        LogStream a2 = all.logStreams().get(1);
        assertThat(a2.firstEventTimestamp()).isEqualTo(now - 9000);
        assertThat(a2.lastEventTimestamp()).isEqualTo(now - 1000);
        assertThat(a2.lastIngestionTime()).isGreaterThanOrEqualTo(now - 1000);

        assertThat(logs.describeLogStreams(b -> b.logGroupName(g).logStreamNamePrefix("a-")).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a-1", "a-2");
        assertThat(logs.describeLogStreams(b -> b.logGroupName(g).orderBy(OrderBy.LAST_EVENT_TIME).descending(true))
                .logStreams()).extracting(LogStream::logStreamName).containsExactly("a-2", "b-1", "a-1");
        assertThat(logs.describeLogStreams(b -> b.logGroupName(g).descending(true)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("b-1", "a-2", "a-1");
        assertThat(logs.describeLogStreams(b -> b.logGroupIdentifier(Policies.groupArn(g))).logStreams()).hasSize(3);
        assertThat(logs.describeLogStreams(b -> b.logGroupIdentifier(g)).logStreams()).hasSize(3);
        var page1 = logs.describeLogStreams(b -> b.logGroupName(g).limit(2));
        assertThat(page1.logStreams()).hasSize(2);
        assertThat(logs.describeLogStreams(b -> b.logGroupName(g).limit(2).nextToken(page1.nextToken())).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("b-1");
        assertThat(logs.describeLogStreamsPaginator(b -> b.logGroupName(g).limit(1)).logStreams().stream().count())
                .isEqualTo(3);
        fails(() -> logs.describeLogStreams(b -> b.logGroupName(g).orderBy(OrderBy.LAST_EVENT_TIME)
                .logStreamNamePrefix("a")), "InvalidParameterException",
                "Cannot order by LastEventTime with a logStreamNamePrefix.");
        fails(() -> logs.describeLogStreams(b -> b.logGroupName(g).logGroupIdentifier(g)), "ValidationException",
                "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        fails(() -> logs.describeLogStreams(b -> b.logGroupName(g).limit(51)), "InvalidParameterException",
                "less than or equal to 50");
        fails(() -> logs.describeLogStreams(b -> b.logGroupName(g).nextToken("nope")), "InvalidParameterException",
                "The specified nextToken is invalid.");
        fails(() -> logs.describeLogStreams(b -> b.logGroupIdentifier(
                "arn:aws:logs:eu-west-1:123456789012:log-group:" + g)), "InvalidParameterException",
                "region and account");

        // DeleteLogStream: its events disappear at once and do not come back with a new stream of that name.
        logs.deleteLogStream(b -> b.logGroupName(g).logStreamName("a-2"));
        fails(() -> logs.deleteLogStream(b -> b.logGroupName(g).logStreamName("a-2")), "ResourceNotFoundException",
                "The specified log stream does not exist.");
        fails(() -> logs.getLogEvents(b -> b.logGroupName(g).logStreamName("a-2")), "ResourceNotFoundException",
                "The specified log stream does not exist.");
        logs.createLogStream(b -> b.logGroupName(g).logStreamName("a-2"));
        assertThat(messages(g, "a-2")).isEmpty();
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g)).events()).extracting(FilteredLogEvent::message)
                .containsExactly("x");
    }

    @Test
    void put_log_events_batch_rules() {
        String g = groupWithStream("put", "s");
        long now = now();
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("nope").logEvents(events(now, "m"))),
                "ResourceNotFoundException", "The specified log stream does not exist.");
        fails(() -> logs.putLogEvents(b -> b.logGroupName(TestLockstream.uniqueName("none")).logStreamName("s")
                .logEvents(events(now, "m"))), "ResourceNotFoundException", "The specified log group does not exist.");
        List<InputLogEvent> unordered = new ArrayList<>(events(now, "b"));
        unordered.addAll(events(now - 1, "a"));
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(unordered)),
                "InvalidParameterException",
                "Log events in a single PutLogEvents request must be in chronological order.");
        List<InputLogEvent> span = new ArrayList<>(events(now - DAY - 1, "a"));
        span.addAll(events(now, "b"));
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(span)),
                "InvalidParameterException",
                "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                        .logEvents(events(now, "x".repeat(1_048_576 - 25)))), "InvalidParameterException",
                "Log event too large: 1048577 bytes exceeds limit of 1048576");
        List<InputLogEvent> big = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            big.addAll(events(now, "x".repeat(400_000)));
        }
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(big)),
                "InvalidParameterException", "Upload too large: 1200078 bytes exceeds limit of 1048576");
        List<InputLogEvent> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(InputLogEvent.builder().timestamp(now).message("m").build());
        }
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(many)),
                "InvalidParameterException", "Member must have length less than or equal to 10000");
        fails(() -> logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(events(now, ""))),
                "InvalidParameterException", "Member must have length greater than or equal to 1");
        assertThat(messages(g, "s")).isEmpty();

        // Too old (> 14 days) prefix and too new (> 2 h ahead) suffix are rejected, not stored; the rest is.
        List<InputLogEvent> mixed = new ArrayList<>(events(now - 15 * DAY, "too-old"));
        mixed.addAll(events(now, "kept"));
        mixed.addAll(events(now + 3 * 3_600_000L, "too-new"));
        PutLogEventsResponse r = logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(mixed)
                .sequenceToken("ignored"));
        assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(r.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(2);
        assertThat(r.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
        assertThat(r.nextSequenceToken()).isNotEmpty();
        awaitCount(g, "s", 1);
        assertThat(messages(g, "s")).containsExactly("kept");
        PutLogEventsResponse ok = logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(now, "fine")));
        assertThat(ok.rejectedLogEventsInfo()).isNull();
    }

    @Test
    void get_log_events_paging_both_ways_and_paginator_terminates() {
        String g = groupWithStream("get", "s");
        long now = now();
        for (int batch = 0; batch < 3; batch++) {
            List<InputLogEvent> ev = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ev.add(InputLogEvent.builder().timestamp(now - 100_000 + batch * 10 + i)
                        .message("e" + (batch * 4 + i)).build());
            }
            logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s").logEvents(ev));
        }
        awaitCount(g, "s", 12);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("e" + i);
        }
        // The SDK paginator stops only when the token it sent comes back: it must terminate.
        List<String> viaPaginator = logs.getLogEventsPaginator(b -> b.logGroupName(g).logStreamName("s")
                .startFromHead(true).limit(5)).events().stream().map(OutputLogEvent::message)
                .collect(Collectors.toList());
        assertThat(viaPaginator).isEqualTo(expected);

        // Forward by hand, then the same token at the end.
        GetLogEventsResponse p1 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").startFromHead(true)
                .limit(5));
        assertThat(p1.events()).extracting(OutputLogEvent::message).isEqualTo(expected.subList(0, 5));
        GetLogEventsResponse p2 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5)
                .nextToken(p1.nextForwardToken()));
        GetLogEventsResponse p3 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5)
                .nextToken(p2.nextForwardToken()));
        assertThat(p3.events()).extracting(OutputLogEvent::message).isEqualTo(expected.subList(10, 12));
        GetLogEventsResponse end = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .nextToken(p3.nextForwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(p3.nextForwardToken());

        // Backward: newest first page, then older pages, then the same token at the start.
        GetLogEventsResponse b1 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5));
        assertThat(b1.events()).extracting(OutputLogEvent::message).isEqualTo(expected.subList(7, 12));
        GetLogEventsResponse b2 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5)
                .nextToken(b1.nextBackwardToken()));
        assertThat(b2.events()).extracting(OutputLogEvent::message).isEqualTo(expected.subList(2, 7));
        GetLogEventsResponse b3 = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5)
                .nextToken(b2.nextBackwardToken()));
        assertThat(b3.events()).extracting(OutputLogEvent::message).isEqualTo(expected.subList(0, 2));
        GetLogEventsResponse start = logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(5)
                .nextToken(b3.nextBackwardToken()));
        assertThat(start.events()).isEmpty();
        assertThat(start.nextBackwardToken()).isEqualTo(b3.nextBackwardToken());

        // Time window: startTime inclusive, endTime exclusive.
        assertThat(logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").startFromHead(true)
                .startTime(now - 100_000 + 10).endTime(now - 100_000 + 12)).events())
                .extracting(OutputLogEvent::message).containsExactly("e4", "e5");
        assertThat(logs.getLogEvents(b -> b.logGroupIdentifier(Policies.groupArn(g)).logStreamName("s")
                .startFromHead(true)).events()).hasSize(12);

        fails(() -> logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").nextToken("f/123")),
                "InvalidParameterException", "The specified nextToken is invalid.");
        fails(() -> logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").limit(10_001)),
                "InvalidParameterException", "Value '10001' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10000");
        fails(() -> logs.getLogEvents(b -> b.logGroupName(g).logGroupIdentifier(g).logStreamName("s")),
                "ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }

    @Test
    void filter_log_events_patterns_streams_and_paginator() {
        String g = groupWithStream("filter", "s1");
        logs.createLogStream(b -> b.logGroupName(g).logStreamName("s2"));
        long now = now();
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s1").logEvents(events(now - 50, "ERROR one", "ok")));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s2").logEvents(events(now - 40, "ERROR two", "ok")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(logs.filterLogEvents(b -> b.logGroupName(g)).events()).hasSize(4));
        List<FilteredLogEvent> errors = logs.filterLogEvents(b -> b.logGroupName(g).filterPattern("ERROR")).events();
        assertThat(errors).extracting(FilteredLogEvent::message).containsExactly("ERROR one", "ERROR two");
        assertThat(errors).extracting(FilteredLogEvent::logStreamName).containsExactly("s1", "s2");
        assertThat(errors.get(0).eventId()).isNotEqualTo(errors.get(1).eventId());
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g).logStreamNames("s2")).events()).hasSize(2);
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g).logStreamNamePrefix("s1")).events()).hasSize(2);
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g).interleaved(true)).searchedLogStreams()).isEmpty();
        // The paginator ends when nextToken is absent.
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(g).limit(1)).events().stream()
                .map(FilteredLogEvent::message).collect(Collectors.toList()))
                .containsExactly("ERROR one", "ok", "ERROR two", "ok");
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(g).logStreamNames("s1").logStreamNamePrefix("s")),
                "InvalidParameterException", "mutually exclusive");
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(g).filterPattern("{ $.x = ")),
                "InvalidParameterException", "Invalid filter pattern");
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(g).nextToken("zzz")), "InvalidParameterException",
                "The specified nextToken is invalid.");
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(g).filterPattern("x".repeat(1025))),
                "InvalidParameterException", "less than or equal to 1024");
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(TestLockstream.uniqueName("none"))),
                "ResourceNotFoundException", "The specified log group does not exist.");
    }

    @Test
    void tags_one_set_through_both_families() {
        String g = TestLockstream.uniqueName("tags");
        String arn = Policies.groupArn(g);
        logs.createLogGroup(b -> b.logGroupName(g).tags(Map.of("created", "yes")));
        logs.tagResource(b -> b.resourceArn(arn).tags(Map.of("team", "blue")));
        logs.tagLogGroup(b -> b.logGroupName(g).tags(Map.of("env", "prod")));
        Map<String, String> all = Map.of("created", "yes", "team", "blue", "env", "prod");
        assertThat(logs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(all);
        assertThat(logs.listTagsLogGroup(b -> b.logGroupName(g)).tags()).isEqualTo(all);
        logs.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        logs.untagLogGroup(b -> b.logGroupName(g).tags("env"));
        assertThat(logs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(Map.of("created", "yes"));

        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        fails(() -> logs.tagResource(b -> b.resourceArn(arn).tags(fifty)), "TooManyTagsException",
                "no more than 50 tags");
        fails(() -> logs.createLogGroup(b -> b.logGroupName(TestLockstream.uniqueName("t")).tags(
                new HashMap<>(fifty) {{ put("x", "y"); }})), "TooManyTagsException", "no more than 50 tags");
        fails(() -> logs.tagResource(b -> b.resourceArn(arn).tags(Map.of("bad*", "v"))), "InvalidParameterException",
                "regular expression");
        fails(() -> logs.tagResource(b -> b.resourceArn("arn:aws:logs:eu-west-1:123456789012:log-group:" + g)
                .tags(Map.of("a", "b"))), "InvalidParameterException", "region and account");
        fails(() -> logs.tagResource(b -> b.resourceArn("arn:aws:logs:us-west-2:210987654321:log-group:" + g)
                .tags(Map.of("a", "b"))), "InvalidParameterException", "region and account");
        fails(() -> logs.listTagsForResource(b -> b.resourceArn(Policies.groupArn(TestLockstream.uniqueName("n")))),
                "ResourceNotFoundException", "The specified log group does not exist.");
        fails(() -> logs.listTagsLogGroup(b -> b.logGroupName(TestLockstream.uniqueName("n"))),
                "ResourceNotFoundException", "The specified log group does not exist.");
        assertThat(logs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(Map.of("created", "yes"));
    }

    @Test
    void associate_by_resource_identifier_and_its_exclusivity() {
        String g = group("resid");
        String arn = Policies.groupArn(g);
        fails(() -> logs.disassociateKmsKey(b -> b.logGroupName(g).resourceIdentifier(arn)),
                "InvalidParameterException", "Exactly one of logGroupName and resourceIdentifier");
        fails(() -> logs.disassociateKmsKey(b -> b.resourceIdentifier("arn:aws:logs:eu-west-1:123456789012:log-group:"
                + g)), "InvalidParameterException", "region and account");
        logs.disassociateKmsKey(b -> b.resourceIdentifier(arn));
        fails(() -> logs.disassociateKmsKey(b -> b.logGroupName(TestLockstream.uniqueName("none"))),
                "ResourceNotFoundException", "The specified log group does not exist.");
    }

    @Test
    void unknown_members_are_ignored_and_wrong_types_refused() {
        String g = TestLockstream.uniqueName("unknown");
        try (CloudWatchLogsClient extra = LogsAssert.rewriting(body -> "{\"someFutureMember\":{\"x\":[1,2]},"
                + "\"logGroupClass\":\"STANDARD\",\"deletionProtectionEnabled\":false," + body.substring(1))) {
            extra.createLogGroup(b -> b.logGroupName(g));
            assertThat(extra.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups()).hasSize(1);
        }
        try (CloudWatchLogsClient wrong = LogsAssert.rewriting(body -> "{\"logGroupName\":42}")) {
            fails(() -> wrong.createLogGroup(b -> b.logGroupName("x")), "SerializationException", "logGroupName");
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
