package io.lockstream.common.logs;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Record keys of {@code logs.sealed}, a compacted topic. Every sealed batch has a key of its own,
 * {@code group:stream:firstTimestamp:sourcePartition:sourceOffset} (group and stream names cannot contain
 * ':', aws-wire.md §2.1), so a tombstone for that key removes exactly that batch once the log cleaner has
 * run: this is how expired and deleted events leave Kafka too. A group's deletion marker has the bare
 * group name as key. All records of a group go to one partition, the one Kafka's default partitioner
 * gives the group name, so Kafka Streams' metadata for the group name finds the query instance that owns
 * them.
 */
public final class SealedKeys {
    private SealedKeys() {
    }

    /** A parsed batch key. */
    public record BatchKey(String group, String stream, long firstTimestamp, int sourcePartition, long sourceOffset) {
    }

    public static String batch(String group, String stream, long firstTimestamp, int sourcePartition,
                               long sourceOffset) {
        return group + ":" + stream + ":" + firstTimestamp + ":" + sourcePartition + ":" + sourceOffset;
    }

    /** The group a record of {@code logs.sealed} belongs to (batch key or deletion marker). */
    public static String groupOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** The parsed batch key, or null for a group deletion marker (or anything else). */
    public static BatchKey parseBatch(String key) {
        String[] parts = key.split(":", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            return new BatchKey(parts[0], parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3]),
                    Long.parseLong(parts[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The partition of every record of {@code group}: murmur2 of the group name, as the default partitioner. */
    public static int partition(String key, int numPartitions) {
        byte[] group = groupOf(key).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(group)) % numPartitions;
    }
}
