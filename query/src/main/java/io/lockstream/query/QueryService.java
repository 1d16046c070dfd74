package io.lockstream.query;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.http.Operation;
import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.query.read.LogsReadApi;
import io.lockstream.query.read.ReadStores;
import io.lockstream.query.store.SealedStoreProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The query service: a Kafka Streams application that materialises {@code logs.sealed} into a store of
 * ciphertext (RocksDB, changelogged), and serves reads by decrypting on demand through the KMS.
 */
public final class QueryService implements AutoCloseable {
    public static final String APPLICATION_ID = "lockstream-query";

    private final KafkaStreams streams;
    private final DecryptKeyCache dataKeys;
    private final LogsReadApi api;

    /**
     * @param dataKeyMaxAge how long a decrypted data key may be cached; key changes invalidate it earlier
     */
    public QueryService(KafkaSettings kafka, KeyService keys, GroupDirectory directory, Path stateDir, int replication,
                        Duration dataKeyMaxAge) {
        this(kafka, keys, directory, stateDir, replication, dataKeyMaxAge, null);
    }

    /**
     * As above; with a non-null {@code insecure} token (bench harness only) unencrypted plaintext-bench
     * batches are stored and served too.
     */
    public QueryService(KafkaSettings kafka, KeyService keys, GroupDirectory directory, Path stateDir, int replication,
                        Duration dataKeyMaxAge, InsecureBenchOnly insecure) {
        this.dataKeys = new DecryptKeyCache(keys, dataKeyMaxAge, 100_000, Ticker.systemTicker());
        boolean insecurePlain = insecure != null;
        this.streams = new KafkaStreams(topology(insecurePlain), config(kafka, stateDir, replication));
        this.api = new LogsReadApi(directory, () -> insecurePlain ? ReadStores.scanInsecureBenchOnly(store(), dataKeys)
                : ReadStores.scan(store(), dataKeys));
    }

    static Topology topology() {
        return topology(false);
    }

    static Topology topology(boolean insecurePlaintextBenchOnly) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SealedStoreProcessor.STORE), Serdes.Bytes(), Serdes.ByteArray()));
        builder.stream(Topics.SEALED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SealedStoreProcessor(insecurePlaintextBenchOnly), SealedStoreProcessor.STORE);
        return builder.build();
    }

    static Properties config(KafkaSettings kafka, Path stateDir, int replication) {
        Properties p = kafka.streams();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put("processing.exception.handler.global.enabled", "true");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Only sealed batches the encryptor committed: never a batch of an aborted transaction.
        p.put(StreamsConfig.consumerPrefix("isolation.level"), "read_committed");
        p.put(StreamsConfig.consumerPrefix("max.partition.fetch.bytes"), 8 * 1024 * 1024);
        p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        return p;
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(SealedStoreProcessor.STORE,
                    QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException",
                    "The log event store is not ready (starting or rebalancing); retry shortly.");
        }
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The {@code Logs_20140328} operations this service serves. */
    public Map<String, Operation> operations() {
        return api.operations();
    }

    /** Drops cached data keys of {@code keyArn}: the next read asks the KMS, which decides now. */
    public void onKeyChanged(String keyArn) {
        dataKeys.invalidateKey(keyArn);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(10));
    }
}
