package io.lockstream.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.common.logs.SealedKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention, stream deletion and group deletion purge the sealed store; time is injected, nothing sleeps. */
class SealedStorePurgeTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_800_000_000_000L;
    private static final String ARN = "arn:aws:logs:us-west-2:123456789012:log-group:";

    private final Map<String, LogGroup> groups = new HashMap<>();
    private final Map<String, LogStream> streams = new HashMap<>();
    private final MutableClock clock = new MutableClock(T0);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private KeyValueStore<Bytes, byte[]> store;
    private long offset;
    private TestOutputTopic<String, byte[]> tombstones;
    /** Stands for logs.sealed as the sink (TopologyTestDriver would feed records on the source topic back). */
    private static final String TOMBSTONES = "sealed-tombstones";

    @BeforeEach
    void setUp() {
        Liveness liveness = new Liveness(g -> Optional.ofNullable(groups.get(g)),
                (g, s) -> Optional.ofNullable(streams.get(g + ":" + s)));
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SealedStoreProcessor.STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        b.stream(Topics.SEALED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SealedStoreProcessor(liveness, clock, Duration.ofSeconds(1)),
                        SealedStoreProcessor.STORE)
                .to(TOMBSTONES, Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "purge-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(b.build(), p, Instant.ofEpochMilli(T0));
        input = driver.createInputTopic(Topics.SEALED, new StringSerializer(), new ByteArraySerializer());
        store = driver.getKeyValueStore(SealedStoreProcessor.STORE);
        tombstones = driver.createOutputTopic(TOMBSTONES, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void group(String name, long created, Integer retention) {
        groups.put(name, new LogGroup(name, ARN + name, created, null, retention, Map.of()));
    }

    private void stream(String group, String name, long created) {
        streams.put(group + ":" + name, new LogStream(group, name, created));
    }

    private void put(String group, String stream, long ingestion, long... timestamps) {
        EventBatch.Builder eb = EventBatch.builder(stream, ingestion, timestamps.length);
        for (long t : timestamps) {
            eb.add(t, "m");
        }
        SealingKey key = new SealingKey(new DataKey(new byte[32], new byte[] {1}, "arn:aws:kms:us-west-2:"
                + "123456789012:key/k"), System.nanoTime());
        input.pipeInput(SealedKeys.batch(group, stream, timestamps[0], 0, offset),
                SealedBatch.seal(eb.build(), ARN + group, 0, offset++, key));
    }

    private long count(String group) {
        Bytes[] r = StoreKeys.groupRange(group);
        long n = 0;
        try (var it = store.range(r[0], r[1])) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private void tick(long millis) {
        clock.now += millis;
        driver.advanceWallClockTime(Duration.ofMillis(Math.max(millis, 1000)));
    }

    @Test
    void retention_purges_batches_whose_last_event_expired() {
        group("g", T0 - 30 * DAY, null);
        stream("g", "s", T0 - 30 * DAY);
        put("g", "s", T0 - 10 * DAY, T0 - 10 * DAY, T0 - 10 * DAY);
        put("g", "s", T0 - DAY / 2, T0 - DAY / 2);
        tick(1000);
        assertThat(count("g")).isEqualTo(2);
        group("g", T0 - 30 * DAY, 7);
        tick(1000);
        assertThat(count("g")).isEqualTo(1);
        group("g", T0 - 30 * DAY, 1);
        tick(DAY);
        assertThat(count("g")).isZero();
    }

    @Test
    void deleted_or_recreated_stream_is_purged_after_the_grace() {
        group("g", T0 - DAY, null);
        stream("g", "s", T0 - DAY);
        stream("g", "t", T0 - DAY);
        put("g", "s", T0 - 1000, T0 - 1000);
        put("g", "t", T0 - 1000, T0 - 1000);
        streams.remove("g:s");
        stream("g", "t", T0);
        tick(1000);
        assertThat(count("g")).as("the re-created stream's old batch goes at once").isEqualTo(1);
        tick(Liveness.MISSING_GRACE_MS);
        assertThat(count("g")).isZero();
    }

    @Test
    void group_deletion_marker_removes_the_group_only() {
        group("a", T0 - DAY, null);
        group("ab", T0 - DAY, null);
        stream("a", "s", T0 - DAY);
        stream("ab", "s", T0 - DAY);
        put("a", "s", T0, T0);
        put("ab", "s", T0, T0);
        input.pipeInput("a", (byte[]) null);
        assertThat(count("a")).isZero();
        assertThat(count("ab")).isEqualTo(1);
    }

    @Test
    void every_purged_batch_is_tombstoned_in_logs_sealed_under_its_own_key() {
        group("g", T0 - 30 * DAY, null);
        stream("g", "s", T0 - 30 * DAY);
        put("g", "s", T0 - 10 * DAY, T0 - 10 * DAY);
        put("g", "s", T0 - DAY / 2, T0 - DAY / 2);
        group("g", T0 - 30 * DAY, 7);
        tick(1000);
        var out = tombstones.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo(SealedKeys.batch("g", "s", T0 - 10 * DAY, 0, 0));
        assertThat(out.get(0).value).isNull();
    }

    @Test
    void a_group_deletion_marker_tombstones_every_batch_of_the_group() {
        group("g", T0 - DAY, null);
        stream("g", "s", T0 - DAY);
        put("g", "s", T0, T0);
        put("g", "s", T0 + 1, T0 + 1);
        input.pipeInput("g", (byte[]) null);
        assertThat(tombstones.readKeyValuesToList()).extracting(kv -> kv.key).containsExactlyInAnyOrder(
                SealedKeys.batch("g", "s", T0, 0, 0), SealedKeys.batch("g", "s", T0 + 1, 0, 1));
    }

    @Test
    void a_tombstone_read_back_removes_exactly_its_batch() {
        group("g", T0 - DAY, null);
        stream("g", "s", T0 - DAY);
        put("g", "s", T0, T0);
        put("g", "s", T0 + 1, T0 + 1);
        input.pipeInput(SealedKeys.batch("g", "s", T0, 0, 0), (byte[]) null);
        assertThat(count("g")).isEqualTo(1);
        assertThat(tombstones.isEmpty()).isTrue();
    }

    @Test
    void liveness_hides_batches_of_a_previous_incarnation() {
        LogGroup g = new LogGroup("g", ARN + "g", T0, null, null, Map.of());
        LogStream s = new LogStream("g", "s", T0 + 10);
        EventBatch.Builder eb = EventBatch.builder("s", T0 + 5, 1).add(T0, "m");
        SealedBatch old = SealedBatch.parse(SealedBatch.seal(eb.build(), ARN + "g", 0, 0, new SealingKey(
                new DataKey(new byte[32], new byte[] {1}, "arn:aws:kms:us-west-2:123456789012:key/k"), 0)));
        assertThat(Liveness.belongs(g, s, old)).isFalse();
        assertThat(Liveness.belongs(g, new LogStream("g", "s", T0 + 5), old)).isTrue();
    }

    static final class MutableClock extends Clock {
        long now;

        MutableClock(long now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }
}
