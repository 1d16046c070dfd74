package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * DESIGN.md invariant 1: a canary string ingested through the API appears in no Kafka record of any topic
 * (raw bytes, committed or not) and in no file under the data directory (log segments, state stores),
 * for a group under a customer managed key and a group under the default key.
 */
class CanaryIT {

    @Test
    void canary_never_reaches_a_topic_or_a_file_in_the_clear() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        String cmkGroup = TestLockstream.uniqueName("canary-cmk");
        try (CloudWatchLogsClient logs = TestLockstream.logs()) {
            String key = TestLockstream.kms().createKey(b -> b.policy(Policies.forAccount())).keyMetadata().arn();
            logs.createLogGroup(b -> b.logGroupName(cmkGroup).kmsKeyId(key));
            String defaultGroup = TestLockstream.uniqueName("canary-default");
            logs.createLogGroup(b -> b.logGroupName(defaultGroup));
            for (String group : List.of(cmkGroup, defaultGroup)) {
                logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
                List<InputLogEvent> events = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    events.add(InputLogEvent.builder().timestamp(System.currentTimeMillis())
                            .message(canary + " event " + i + " " + "x".repeat(i)).build());
                }
                logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(events));
                WalkthroughSdkIT.awaitMessagesCount(logs, group, "s", 50);
            }
        }
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        Set<String> topics;
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestLockstream.get().bootstrapServers()))) {
            topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get();
        }
        assertThat(topics).contains(Topics.EVENTS, Topics.SEALED);
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> r : SealedTopic.readAll(topic, "read_uncommitted")) {
                assertThat(r.value() == null || indexOf(r.value(), needle) < 0)
                        .as("canary in the clear in %s-%d@%d", topic, r.partition(), r.offset()).isTrue();
            }
        }
        // Positive control: the scanners do see clear bytes (group names are metadata, stored in the clear).
        byte[] groupName = cmkGroup.getBytes(StandardCharsets.UTF_8);
        assertThat(SealedTopic.readAll(Topics.GROUPS, "read_uncommitted"))
                .anyMatch(r -> r.value() != null && indexOf(r.value(), groupName) >= 0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestLockstream.dataDir())) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertThat(files).isNotEmpty();
        boolean controlSeen = false;
        for (Path f : files) {
            controlSeen |= containsCanary(f, groupName);
        }
        assertThat(controlSeen).as("the file scan finds clear metadata (positive control)").isTrue();
        for (Path f : files) {
            assertThat(containsCanary(f, needle)).as("canary in the clear in %s", f).isFalse();
        }
    }

    private static boolean containsCanary(Path file, byte[] needle) throws IOException {
        try {
            return indexOf(Files.readAllBytes(file), needle) >= 0;
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
