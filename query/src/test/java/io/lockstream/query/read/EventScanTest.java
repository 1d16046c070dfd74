package io.lockstream.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.common.logs.SealedKeys;
import io.lockstream.query.store.SealedStoreProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded scan behind GetLogEvents returns exactly what sorting every event and slicing would, for the
 * oldest and the newest events, with and without a cursor, over batches whose time ranges overlap (each
 * batch spans up to 24 hours). Only clear timestamps are read; nothing is decrypted.
 */
class EventScanTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final LogGroup GROUP = new LogGroup("g", "arn:aws:logs:us-west-2:123456789012:log-group:g", 0L,
            null, null, Map.of());
    private static final LogStream STREAM = new LogStream("g", "s", 0L);

    private TopologyTestDriver driver;
    private EventScan scan;

    @BeforeEach
    void setUp() {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SealedStoreProcessor.STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        b.stream(Topics.SEALED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(SealedStoreProcessor::new, SealedStoreProcessor.STORE);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "scan-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(b.build(), p, Instant.ofEpochMilli(T0));
        TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.SEALED, new StringSerializer(),
                new ByteArraySerializer());
        Random random = new Random(42);
        SealingKey key = new SealingKey(new DataKey(new byte[32], new byte[] {1}, "arn:aws:kms:us-west-2:"
                + "123456789012:key/k"), 0);
        for (int offset = 0; offset < 200; offset++) {
            // Batches start anywhere in ten days and span up to 24 hours, so their ranges overlap.
            long first = T0 + (long) (random.nextDouble() * 240 * HOUR);
            int n = 1 + random.nextInt(20);
            EventBatch.Builder eb = EventBatch.builder("s", T0, n);
            long ts = first;
            for (int i = 0; i < n; i++) {
                eb.add(ts, "m");
                ts += random.nextInt((int) (24 * HOUR / n));
            }
            in.pipeInput(SealedKeys.batch("g", "s", first, 0, offset),
                    SealedBatch.seal(eb.build(), GROUP.arn(), 0, offset, key));
        }
        scan = new EventScan(driver.getKeyValueStore(SealedStoreProcessor.STORE), null, false);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void bounded_scans_equal_sorting_everything_and_slicing() {
        List<EventPosition> all = positions(scan.candidates(GROUP, List.of(STREAM), Long.MIN_VALUE, Long.MAX_VALUE,
                T0, p -> true));
        assertThat(all).hasSizeGreaterThan(500).isSorted();
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int limit = 1 + random.nextInt(60);
            EventPosition cursor = all.get(random.nextInt(all.size()));
            boolean newest = random.nextBoolean();
            boolean useCursor = random.nextBoolean();
            Predicate<EventPosition> keep = !useCursor ? p -> true
                    : newest ? p -> p.compareTo(cursor) < 0 : p -> p.compareTo(cursor) > 0;
            List<EventPosition> expected = all.stream().filter(keep).collect(Collectors.toList());
            expected = newest ? expected.subList(Math.max(0, expected.size() - limit), expected.size())
                    : expected.subList(0, Math.min(limit, expected.size()));
            assertThat(positions(scan.candidates(GROUP, List.of(STREAM), Long.MIN_VALUE, Long.MAX_VALUE, T0, keep,
                    limit, newest))).as("limit %d newest %s cursor %s", limit, newest, useCursor).isEqualTo(expected);
        }
    }

    @Test
    void time_ranges_are_start_inclusive_and_end_exclusive() {
        List<EventPosition> all = positions(scan.candidates(GROUP, List.of(STREAM), Long.MIN_VALUE, Long.MAX_VALUE,
                T0, p -> true));
        long start = all.get(100).timestamp();
        long end = all.get(300).timestamp();
        assertThat(positions(scan.candidates(GROUP, List.of(STREAM), start, end, T0, p -> true, 10_000, false)))
                .isEqualTo(all.stream().filter(p -> p.timestamp() >= start && p.timestamp() < end)
                        .collect(Collectors.toList()));
    }

    private static List<EventPosition> positions(List<EventScan.Candidate> candidates) {
        return candidates.stream().map(EventScan.Candidate::position).collect(Collectors.toList());
    }
}
