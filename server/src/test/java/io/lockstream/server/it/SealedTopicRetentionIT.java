package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.SealedKeys;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Issue 4 §5: data leaves Kafka the way it leaves the store. {@code logs.sealed} is compacted with one key
 * per batch, and deleting a log group tombstones every one of its batches there (the log cleaner then
 * removes both).
 */
class SealedTopicRetentionIT {

    @Test
    void logs_sealed_is_compacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestLockstream.get().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SEALED);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(Long.parseLong(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()))
                    .isLessThanOrEqualTo(Duration.ofDays(1).toMillis());
        }
    }

    @Test
    void deleting_a_group_tombstones_every_one_of_its_batches() {
        String group = TestLockstream.uniqueName("tombstones");
        try (CloudWatchLogsClient logs = TestLockstream.logs()) {
            logs.createLogGroup(b -> b.logGroupName(group));
            for (String stream : List.of("a", "b")) {
                logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
                for (int i = 0; i < 3; i++) {
                    String message = "event " + i;
                    logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(
                            InputLogEvent.builder().timestamp(System.currentTimeMillis()).message(message).build()));
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> batchKeys(group, true).size() == 6);
            logs.deleteLogGroup(b -> b.logGroupName(group));
        }
        Set<String> sealed = batchKeys(group, true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(batchKeys(group, false)).containsAll(sealed));
    }

    /** Batch keys of {@code group} in logs.sealed: with a value, or tombstoned. */
    private static Set<String> batchKeys(String group, boolean withValue) {
        List<ConsumerRecord<String, byte[]>> records = SealedTopic.readAll(Topics.SEALED, "read_committed");
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() != null && SealedKeys.parseBatch(r.key()) != null && group.equals(SealedKeys.groupOf(r.key()))
                    && (r.value() != null) == withValue) {
                keys.add(r.key());
            }
        }
        return keys.stream().collect(Collectors.toSet());
    }
}
