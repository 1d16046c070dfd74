package io.lockstream.encryptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.aws.Site;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.common.logs.SealedKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the KMS refuses a group's key, that group's batch waits (parked, still transit-sealed) while other
 * groups on the same partition go on; it is sealed later under the key associated when it was accepted —
 * never under another key — and dropped if its group is deleted. The key service here refuses on demand;
 * the real KMS's refusals are covered by the integration tests.
 */
class ParkedBatchesTest {
    private static final Site SITE = new Site("us-west-2", "123456789012");
    private static final String KEY_A = SITE.keyArn("aaaaaaaa-0000-0000-0000-000000000000");
    private static final String KEY_B = SITE.keyArn("bbbbbbbb-0000-0000-0000-000000000000");
    private static final String DEFAULT_KEY = ServiceKeys.logsDefaultKeyArn(SITE);

    private final PassThroughKeys keys = new PassThroughKeys();
    private final Set<String> refused = keys.refused;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> sealed;
    private SealingKey transitKey;

    @BeforeEach
    void setUp() throws Exception {
        SealingKeyCache sealing = new SealingKeyCache(keys, DataKeyPolicy.DEFAULT, Ticker.systemTicker(), Runnable::run);
        DecryptKeyCache transit = new DecryptKeyCache(keys, Duration.ofMinutes(1), 100, Ticker.systemTicker());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "parked-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("parked").toString());
        driver = new TopologyTestDriver(EncryptorService.topology(SITE, DEFAULT_KEY, sealing, transit), p);
        events = driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        sealed = driver.createOutputTopic(Topics.SEALED, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        transitKey = new SealingKey(keys.generateDataKey(DEFAULT_KEY, Map.of()), 0);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void put(String group, String message) {
        EventBatch batch = EventBatch.builder("s", 1000L, 1).add(1000L, message).build();
        events.pipeInput(group, TransitRecord.sealBatch(batch, SITE.logGroupArn(group), transitKey));
    }

    private String open(KeyValue<String, byte[]> record) {
        SealedBatch batch = SealedBatch.parse(record.value);
        String group = SealedKeys.groupOf(record.key);
        DataKey key = keys.decryptDataKey(batch.keyArn(), batch.wrappedKey(), Map.of());
        return batch.keyArn() + " " + batch.opener(key, SITE.logGroupArn(group)).message(0);
    }

    @Test
    void a_refused_key_parks_its_batch_while_other_groups_go_on_and_seals_it_under_that_key_later() {
        events.pipeInput("g1", TransitRecord.keyChange(KEY_A));
        refused.add(KEY_A);
        put("g1", "first under A");
        put("g2", "under the default key");
        assertThat(sealed.readKeyValuesToList()).extracting(this::open)
                .containsExactly(DEFAULT_KEY + " under the default key");

        driver.advanceWallClockTime(SealProcessor.RETRY_PARKED);
        assertThat(sealed.isEmpty()).as("still refused: still parked").isTrue();

        // The group moves to key B meanwhile; the parked batch keeps the key it was accepted under.
        events.pipeInput("g1", TransitRecord.keyChange(KEY_B));
        put("g1", "then under B");
        refused.remove(KEY_A);
        driver.advanceWallClockTime(SealProcessor.RETRY_PARKED);
        List<KeyValue<String, byte[]>> out = sealed.readKeyValuesToList();
        assertThat(out).extracting(this::open).containsExactlyInAnyOrder(KEY_B + " then under B",
                KEY_A + " first under A");
        // Its identity is still where it was accepted: partition 0, the offset of its transit record (1).
        assertThat(out).extracting(kv -> SealedKeys.parseBatch(kv.key).sourceOffset()).contains(1L);
    }

    @Test
    void deleting_the_group_drops_its_parked_batches() {
        events.pipeInput("g1", TransitRecord.keyChange(KEY_A));
        refused.add(KEY_A);
        put("g1", "never sealed");
        events.pipeInput("g1", TransitRecord.groupDeleted());
        refused.remove(KEY_A);
        driver.advanceWallClockTime(SealProcessor.RETRY_PARKED);
        assertThat(sealed.readKeyValuesToList()).extracting(kv -> kv.value).containsExactly((byte[]) null);
    }
}
