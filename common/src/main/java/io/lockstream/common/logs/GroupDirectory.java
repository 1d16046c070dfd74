package io.lockstream.common.logs;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kafka.CompactedTopicView;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Every service's view of log groups and log streams, followed from their compacted topics. Lookups that
 * fail give CloudWatch Logs' own errors.
 */
public final class GroupDirectory implements AutoCloseable {
    private final CompactedTopicView<LogGroup> groups;
    private final CompactedTopicView<LogStream> streams;

    public GroupDirectory(KafkaSettings kafka) {
        this.groups = new CompactedTopicView<>(kafka, Topics.GROUPS, LogGroup::fromBytes);
        this.streams = new CompactedTopicView<>(kafka, Topics.STREAMS, LogStream::fromBytes);
    }

    public GroupDirectory start(Duration timeout) throws TimeoutException {
        groups.start(timeout);
        streams.start(timeout);
        return this;
    }

    public CompactedTopicView<LogGroup> groupView() {
        return groups;
    }

    public CompactedTopicView<LogStream> streamView() {
        return streams;
    }

    public Optional<LogGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The group, or {@code ResourceNotFoundException "The specified log group does not exist."}. */
    public LogGroup requireGroup(String name) {
        return group(name).orElseThrow(() -> AwsException.resourceNotFound("The specified log group does not exist."));
    }

    public Optional<LogStream> stream(String group, String stream) {
        return Optional.ofNullable(streams.get(LogStream.key(group, stream)));
    }

    /** The stream, or {@code ResourceNotFoundException "The specified log stream does not exist."}. */
    public LogStream requireStream(String group, String stream) {
        requireGroup(group);
        return stream(group, stream)
                .orElseThrow(() -> AwsException.resourceNotFound("The specified log stream does not exist."));
    }

    /** All groups, sorted by name (DescribeLogGroups orders by name, ASCII). */
    public List<LogGroup> groupsSorted() {
        return groups.values().stream().sorted(Comparator.comparing(LogGroup::name)).collect(Collectors.toList());
    }

    /** The streams of a group, sorted by name. */
    public List<LogStream> streamsOf(String group) {
        return streams.values().stream().filter(s -> s.group().equals(group))
                .sorted(Comparator.comparing(LogStream::name)).collect(Collectors.toList());
    }

    @Override
    public void close() {
        groups.close();
        streams.close();
    }
}
