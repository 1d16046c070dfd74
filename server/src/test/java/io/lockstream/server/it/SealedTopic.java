package io.lockstream.server.it;

import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.SealedKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads Kafka topics raw, as an attacker with the disks or a broker would see them. */
final class SealedTopic {
    private SealedTopic() {
    }

    /** Every record of {@code topic} committed so far. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic, String isolation) {
        return readAll(TestLockstream.get().bootstrapServers(), topic, isolation);
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The KMS key of each stored event of {@code group}, in store order. */
    static List<String> eventKeys(String group) {
        return eventKeys(TestLockstream.get().bootstrapServers(), group);
    }

    static List<String> eventKeys(String bootstrap, String group) {
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, Topics.SEALED, "read_committed")) {
            if (r.key() != null && group.equals(SealedKeys.groupOf(r.key())) && r.value() != null) {
                SealedBatch b = SealedBatch.parse(r.value());
                for (int i = 0; i < b.size(); i++) {
                    keys.add(b.keyArn());
                }
            }
        }
        return keys;
    }

    /** One stored batch: its KMS key, where ingest wrote it in {@code logs.events}, and its event count. */
    record StoredBatch(String keyArn, int sourcePartition, long sourceOffset, int events) {
    }

    /**
     * The sealed batches of {@code group} in store order. A PutLogEvents call is one batch, and its
     * {@code nextSequenceToken} is its {@code logs.events} offset + 1, so a test can find each put's key.
     */
    static List<StoredBatch> batches(String group) {
        List<StoredBatch> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(Topics.SEALED, "read_committed")) {
            if (r.key() != null && group.equals(SealedKeys.groupOf(r.key())) && r.value() != null) {
                SealedBatch b = SealedBatch.parse(r.value());
                out.add(new StoredBatch(b.keyArn(), b.sourcePartition(), b.sourceOffset(), b.size()));
            }
        }
        return out;
    }
}
