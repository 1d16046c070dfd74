package io.lockstream.encryptor;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.aws.Site;
import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.common.logs.SealedKeys;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encryptor: a Kafka Streams application from {@code logs.events} to {@code logs.sealed} with
 * exactly-once processing, so a batch is sealed and its key association applied once, crash or not.
 * Scales by the partitions of {@code logs.events}: run more instances with the same application id.
 */
public final class EncryptorService implements AutoCloseable {
    public static final String APPLICATION_ID = "lockstream-encryptor";
    private static final Logger LOGGER = LoggerFactory.getLogger(EncryptorService.class);

    private final KafkaStreams streams;
    private final SealingKeyCache sealingKeys;
    private final DecryptKeyCache transitKeys;

    /**
     * @param stateDir Kafka Streams state directory
     * @param replication replication factor of internal topics
     */
    public EncryptorService(Site site, KafkaSettings kafka, KeyService keys, DataKeyPolicy policy, Path stateDir,
                            int replication) {
        this(site, kafka, keys, policy, stateDir, replication, null, LockstreamMetrics.noop());
    }

    /**
     * As above; with a non-null {@code insecure} token (bench harness only) batches are NOT sealed but
     * forwarded in the clear in an {@code InsecurePlaintextBenchEnvelope}. Events sealed, data-key
     * retirements and both key caches are reported to {@code metrics}.
     */
    public EncryptorService(Site site, KafkaSettings kafka, KeyService keys, DataKeyPolicy policy, Path stateDir,
                            int replication, InsecureBenchOnly insecure, LockstreamMetrics metrics) {
        if (insecure != null) {
            LOGGER.warn("INSECURE: the encryptor stores log events UNENCRYPTED ({}); benchmarks only", insecure);
        }
        this.sealingKeys = new SealingKeyCache(keys, policy, Ticker.systemTicker(), ForkJoinPool.commonPool(), metrics);
        this.transitKeys = new DecryptKeyCache(keys, Duration.ofMinutes(15), 100_000, Ticker.systemTicker(), metrics,
                LockstreamMetrics.CACHE_TRANSIT_DATA_KEYS);
        Topology topology = topology(site, ServiceKeys.logsDefaultKeyArn(site), sealingKeys, transitKeys,
                insecure != null);
        this.streams = new KafkaStreams(topology, config(kafka, stateDir, replication));
        this.streams.setUncaughtExceptionHandler(e -> {
            LOGGER.error("encryptor thread failed; replacing it (the batch is retried, exactly once)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    static Topology topology(Site site, String defaultKeyArn, SealingKeyCache sealingKeys, DecryptKeyCache transitKeys) {
        return topology(site, defaultKeyArn, sealingKeys, transitKeys, false);
    }

    // The partitioner lambda implements StreamPartitioner's only abstract method, deprecated in Kafka 4.
    @SuppressWarnings("removal")
    static Topology topology(Site site, String defaultKeyArn, SealingKeyCache sealingKeys, DecryptKeyCache transitKeys,
                             boolean insecurePlaintextBenchOnly) {
        StreamsBuilder builder = new StreamsBuilder();
        // Group -> key ARN: small, so in memory; changelogged, so restored exactly after a restart or a move.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SealProcessor.ASSOCIATIONS),
                Serdes.String(), Serdes.String()));
        // Batches the KMS would not let us seal yet (still transit-sealed); few, since ingest refuses puts to a
        // group whose key is unusable, so in memory too; changelogged.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SealProcessor.PARKED),
                Serdes.String(), Serdes.ByteArray()));
        builder.stream(Topics.EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SealProcessor(site, defaultKeyArn, sealingKeys, transitKeys,
                        insecurePlaintextBenchOnly), SealProcessor.ASSOCIATIONS, SealProcessor.PARKED)
                .to(Topics.SEALED, Produced.with(Serdes.String(), Serdes.ByteArray()).withStreamPartitioner(
                        (topic, key, value, partitions) -> Optional.of(Set.of(SealedKeys.partition(key, partitions)))));
        return builder.build();
    }

    static Properties config(KafkaSettings kafka, Path stateDir, int replication) {
        Properties p = kafka.streams();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put("processing.exception.handler.global.enabled", "true");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        p.put(StreamsConfig.producerPrefix("batch.size"), 1024 * 1024);
        p.put(StreamsConfig.producerPrefix("max.request.size"), 8 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), 8 * 1024 * 1024);
        return p;
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Retires this instance's data keys of {@code keyArn} (the key's state or policy changed). */
    public void onKeyChanged(String keyArn) {
        sealingKeys.invalidateKey(keyArn);
        transitKeys.invalidateKey(keyArn);
    }

    @Override
    public void close() {
        // Leave the group on close, so a restarted instance takes its partitions over at once instead of
        // waiting for this member's session to time out.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
    }
}
