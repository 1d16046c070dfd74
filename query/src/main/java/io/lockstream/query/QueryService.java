package io.lockstream.query;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.query.store.Liveness;
import java.time.Clock;
import io.lockstream.common.http.Operation;
import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.SealedKeys;
import io.lockstream.common.metrics.LockstreamMetrics;
import io.lockstream.query.read.LogsReadApi;
import io.lockstream.query.read.ReadStores;
import io.lockstream.query.route.QueryRouter;
import io.lockstream.query.route.ReadForwarder;
import io.lockstream.query.store.BoundedRocksDbConfig;
import io.lockstream.query.store.SealedStoreProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The query service: a Kafka Streams application that materialises {@code logs.sealed} into a store of
 * ciphertext (RocksDB, changelogged), and serves reads by decrypting on demand through the KMS.
 */
public final class QueryService implements AutoCloseable {
    public static final String APPLICATION_ID = "lockstream-query";
    /** How often expired and deleted batches are purged from the store (reads hide them at once). */

    private final KafkaStreams streams;
    private final DecryptKeyCache dataKeys;
    private final LogsReadApi api;

    private final QueryRouter router;

    /**
     * @param settings data-key cache age and purge interval
     * @param clock time for retention (reads hide expired events; the purge removes them)
     * @param self this instance's advertised HTTP endpoint, for routing reads between instances
     * @param forwarder how to forward reads to other instances (null: none configured)
     */
    public QueryService(Site site, KafkaSettings kafka, KeyService keys, GroupDirectory directory, Path stateDir,
                        int replication, QuerySettings settings, Clock clock, HostInfo self, ReadForwarder forwarder) {
        this(site, kafka, keys, directory, stateDir, replication, settings, clock, self, forwarder, null,
                LockstreamMetrics.noop());
    }

    /**
     * As above; with a non-null {@code insecure} token (bench harness only) unencrypted plaintext-bench
     * batches are stored and served too. Events opened and the data-key cache are reported to {@code metrics}.
     */
    public QueryService(Site site, KafkaSettings kafka, KeyService keys, GroupDirectory directory, Path stateDir,
                        int replication, QuerySettings settings, Clock clock, HostInfo self, ReadForwarder forwarder,
                        InsecureBenchOnly insecure, LockstreamMetrics metrics) {
        this.dataKeys = new DecryptKeyCache(keys, settings.dataKeyCacheMaxAge(), 100_000, Ticker.systemTicker(), metrics,
                LockstreamMetrics.CACHE_QUERY_DATA_KEYS);
        boolean insecurePlain = insecure != null;
        Liveness liveness = new Liveness(directory::group, directory::stream);
        Properties config = config(kafka, stateDir, replication);
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        this.streams = new KafkaStreams(topology(liveness, clock, settings.purgeInterval(), insecurePlain), config);
        this.api = new LogsReadApi(site, directory, () -> insecurePlain
                ? ReadStores.scanInsecureBenchOnly(store(), dataKeys)
                : ReadStores.scan(store(), dataKeys, metrics), clock);
        this.router = new QueryRouter(streams, SealedStoreProcessor.STORE, self, forwarder);
    }

    /**
     * Materialises {@code logs.sealed} into the sealed store; with a {@code liveness}, a wall-clock punctuator
     * purges expired and deleted batches every {@code purgeInterval}.
     */
    static Topology topology(Liveness liveness, Clock clock, Duration purgeInterval) {
        return topology(liveness, clock, purgeInterval, false);
    }

    // The partitioner lambda implements StreamPartitioner's only abstract method, deprecated in Kafka 4.
    @SuppressWarnings("removal")
    static Topology topology(Liveness liveness, Clock clock, Duration purgeInterval,
                             boolean insecurePlaintextBenchOnly) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SealedStoreProcessor.STORE), Serdes.Bytes(), Serdes.ByteArray()));
        builder.stream(Topics.SEALED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SealedStoreProcessor(liveness, clock, purgeInterval, insecurePlaintextBenchOnly),
                        SealedStoreProcessor.STORE)
                // Tombstones of purged batches go back to logs.sealed (compacted), to the group's partition.
                .to(Topics.SEALED, Produced.with(Serdes.String(), Serdes.ByteArray()).withStreamPartitioner(
                        (topic, key, value, partitions) -> Optional.of(Set.of(SealedKeys.partition(key, partitions)))));
        return builder.build();
    }

    static Properties config(KafkaSettings kafka, Path stateDir, int replication) {
        Properties p = kafka.streams();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put("processing.exception.handler.global.enabled", "true");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
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
        return router.route(api.operations());
    }

    /** Drops cached data keys of {@code keyArn}: the next read asks the KMS, which decides now. */
    public void onKeyChanged(String keyArn) {
        dataKeys.invalidateKey(keyArn);
    }

    @Override
    public void close() {
        // Leave the group on close, so a restarted instance takes its partitions over at once instead of
        // waiting for this member's session to time out.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
    }
}
