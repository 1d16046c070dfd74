package io.lockstream.encryptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.aws.Site;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.kms.ServiceKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The production encryptor topology (what {@code EncryptorService}'s public constructor without an
 * {@code InsecureBenchOnly} token builds) never forwards a batch in the clear; only the explicitly insecure
 * one does.
 */
class InsecureBenchOnlyEncryptorTest {
    private static final Site SITE = new Site("us-west-2", "123456789012");
    private static final String SECRET = "a-secret-message-that-must-never-be-stored-in-the-clear";

    private static final KeyService KEYS = new PassThroughKeys();

    @Test
    void production_topology_always_seals() throws Exception {
        byte[] out = runOne(EncryptorService.topology(SITE, ServiceKeys.logsDefaultKeyArn(SITE), sealing(), transit()));
        assertThat(InsecurePlaintextBenchEnvelope.isInsecurePlaintext(out)).isFalse();
        assertThat(SealedBatch.parse(out).size()).isEqualTo(2);
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
    }

    @Test
    void only_the_explicitly_insecure_topology_stores_plaintext() throws Exception {
        byte[] out = runOne(EncryptorService.topology(SITE, ServiceKeys.logsDefaultKeyArn(SITE), sealing(), transit(),
                true));
        assertThat(InsecurePlaintextBenchEnvelope.isInsecurePlaintext(out)).isTrue();
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).contains(SECRET);
        assertThat(InsecurePlaintextBenchEnvelope.parseInsecure(out).events().message(0)).isEqualTo(SECRET);
    }

    private static SealingKeyCache sealing() {
        return new SealingKeyCache(KEYS, DataKeyPolicy.DEFAULT, Ticker.systemTicker(), Runnable::run);
    }

    private static DecryptKeyCache transit() {
        return new DecryptKeyCache(KEYS, Duration.ofMinutes(1), 100, Ticker.systemTicker());
    }

    private static byte[] runOne(Topology topology) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "insecure-guard-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("enc-test").toString());
        String group = "g";
        String groupArn = SITE.logGroupArn(group);
        String transitKeyArn = ServiceKeys.logsDefaultKeyArn(SITE);
        SealingKey tk = new SealingKey(KEYS.generateDataKey(transitKeyArn, Map.of()), System.nanoTime());
        EventBatch batch = EventBatch.builder("s", 1000L, 2).add(1000L, SECRET).add(1001L, "second").build();
        byte[] record = TransitRecord.sealBatch(batch, groupArn, tk);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> outTopic = driver.createOutputTopic(Topics.SEALED,
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            in.pipeInput(group, record);
            return outTopic.readValue();
        }
    }
}
