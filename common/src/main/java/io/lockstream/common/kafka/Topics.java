package io.lockstream.common.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of a Lockstream deployment, their roles and their configuration, in one place.
 *
 * <ul>
 *   <li>{@link #EVENTS}: batches sealed for transit by ingest, and in-band key changes; keyed by log group,
 *       so a group's events and key changes share one partition and one order.</li>
 *   <li>{@link #SEALED}: batches sealed under the group's key by the encryptor, compacted, one key per
 *       batch ({@code SealedKeys}), partitioned by log group. The query store is rebuilt from it; purged
 *       batches are tombstoned.</li>
 *   <li>{@link #GROUPS}, {@link #STREAMS}: log group and log stream metadata, compacted.</li>
 *   <li>{@link #KEYS}: KMS keys (metadata, policy, wrapped key material), compacted.</li>
 * </ul>
 */
public final class Topics {
    public static final String EVENTS = "logs.events";
    public static final String SEALED = "logs.sealed";
    public static final String GROUPS = "logs.groups";
    public static final String STREAMS = "logs.streams";
    public static final String KEYS = "kms.keys";

    private Topics() {
    }

    /** The topics to create, for a deployment with {@code partitions} data partitions and {@code replication}. */
    public static List<NewTopic> all(int partitions, short replication) {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
        // Transit records only need to live until the encryptor has sealed them; a day leaves room for outages.
        Map<String, String> transit = Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(24L * 3600 * 1000));
        // Sealed events are the durable copy the query store is rebuilt from. Retention is per log group, so it
        // cannot be a topic setting: every batch has its own key (SealedKeys), the query writes a tombstone when
        // it purges a batch (expired, stream or group deleted), and compaction removes both from the log. Small
        // segments and a bounded compaction lag make that happen within about a day.
        Map<String, String> sealed = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(3600L * 1000),
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(24L * 3600 * 1000),
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(24L * 3600 * 1000));
        return List.of(
                new NewTopic(EVENTS, partitions, replication).configs(transit),
                new NewTopic(SEALED, partitions, replication).configs(sealed),
                new NewTopic(GROUPS, 1, replication).configs(compacted),
                new NewTopic(STREAMS, 1, replication).configs(compacted),
                new NewTopic(KEYS, 1, replication).configs(compacted));
    }

    /** Creates whichever of the topics do not exist yet. */
    public static void ensure(Admin admin, int partitions, short replication) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all(partitions, replication).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Lockstream topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
