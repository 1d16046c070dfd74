package io.lockstream.query.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.query.store.SealedStoreProcessor;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The production query side never stores nor serves an (insecure) plaintext-bench record. */
class InsecureBenchOnlyQueryTest {
    private static final String SECRET = "never-served-in-the-clear";
    private static final long NOW = 2000L;
    private static final LogGroup GROUP = new LogGroup("g", "arn:aws:logs:us-west-2:123456789012:log-group:g", 0L,
            null, null, Map.of());
    private static final LogStream STREAM = new LogStream("g", "s", 0L);

    @Test
    void production_store_drops_plaintext_records() throws Exception {
        try (TopologyTestDriver d = driver(false)) {
            KeyValueStore<Bytes, byte[]> store = d.getKeyValueStore(SealedStoreProcessor.STORE);
            assertThat(store.approximateNumEntries()).isZero();
            assertThat(store.all().hasNext()).isFalse();
        }
    }

    @Test
    void production_read_path_refuses_a_plaintext_record_even_if_one_is_stored() throws Exception {
        try (TopologyTestDriver d = driver(true)) {
            KeyValueStore<Bytes, byte[]> store = d.getKeyValueStore(SealedStoreProcessor.STORE);
            assertThat(store.all().hasNext()).isTrue();
            EventScan production = ReadStores.scan(store, null);
            assertThatThrownBy(() -> production.candidates(GROUP, List.of(STREAM), Long.MIN_VALUE, Long.MAX_VALUE,
                    NOW, p -> true)).isInstanceOf(AwsException.class);
            EventScan insecure = ReadStores.scanInsecureBenchOnly(store, null);
            List<EventScan.Candidate> c = insecure.candidates(GROUP, List.of(STREAM), Long.MIN_VALUE, Long.MAX_VALUE,
                    NOW, p -> true);
            assertThat(c).hasSize(1);
            assertThat(insecure.decryptor("arn").open(c.get(0)).message()).isEqualTo(SECRET);
        }
    }

    private static TopologyTestDriver driver(boolean insecure) throws Exception {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SealedStoreProcessor.STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        b.stream(Topics.SEALED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SealedStoreProcessor(insecure), SealedStoreProcessor.STORE);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "insecure-query-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("query-test").toString());
        TopologyTestDriver d = new TopologyTestDriver(b.build(), p);
        EventBatch batch = EventBatch.builder("s", 1000L, 1).add(1000L, SECRET).build();
        d.createInputTopic(Topics.SEALED, Serdes.String().serializer(), Serdes.ByteArray().serializer())
                .pipeInput("g", InsecurePlaintextBenchEnvelope.encodeInsecure(batch, 0, 7));
        return d;
    }
}
