package io.lockstream.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How every Lockstream client reaches Kafka: the bootstrap servers plus any client settings the operator
 * adds (security, timeouts), applied to producers, consumers, admin clients and Streams alike.
 *
 * @param bootstrapServers {@code host:port,...}
 * @param clientOverrides extra client properties
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientOverrides) {
    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientOverrides = Map.copyOf(clientOverrides);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    public Properties admin() {
        Properties p = base();
        return p;
    }

    /**
     * An idempotent producer with {@code acks=all}: what it acknowledges survives a broker crash and is
     * written once (DESIGN.md invariant 5).
     */
    public Properties producer(String clientId) {
        Properties p = base();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1024 * 1024));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(clientOverrides);
        return p;
    }

    /** A consumer without a group (views assign partitions themselves), reading committed data only. */
    public Properties viewConsumer(String clientId) {
        Properties p = base();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putAll(clientOverrides);
        return p;
    }

    /** Base properties of a Kafka Streams application. */
    public Properties streams() {
        Properties p = base();
        p.putAll(clientOverrides);
        return p;
    }

    private Properties base() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** The overrides with one more entry (for tests and tools). */
    public KafkaSettings with(String key, String value) {
        Map<String, String> m = new HashMap<>(clientOverrides);
        m.put(key, value);
        return new KafkaSettings(bootstrapServers, m);
    }
}
