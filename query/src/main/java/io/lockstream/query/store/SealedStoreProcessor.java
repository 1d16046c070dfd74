package io.lockstream.query.store;

import io.lockstream.common.envelope.EnvelopeException;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.logs.SealedKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises {@code logs.sealed} into the sealed-batch store: sealed batches are stored as they are
 * (ciphertext; only timestamps and positions are readable), and a group's deletion marker (a null value)
 * removes all of that group's batches. A wall-clock punctuator purges batches that {@link Liveness} says can
 * never be returned again (expired by retention, deleted stream or group); reads hide them before that.
 */
public final class SealedStoreProcessor implements Processor<String, byte[], String, byte[]> {
    public static final String STORE = "sealed-batches";
    private static final Logger LOGGER = LoggerFactory.getLogger(SealedStoreProcessor.class);

    private final Liveness liveness;
    private final Clock clock;
    private final Duration purgeInterval;
    /** INSECURE, bench only: also store plaintext-bench records. False in production: they are dropped. */
    private final boolean insecurePlaintextBenchOnly;
    private KeyValueStore<Bytes, byte[]> store;
    private ProcessorContext<String, byte[]> context;

    /** Without purging (liveness null): only the deletion marker removes data. */
    public SealedStoreProcessor() {
        this(null, Clock.systemUTC(), Duration.ofSeconds(1), false);
    }

    public SealedStoreProcessor(boolean insecurePlaintextBenchOnly) {
        this(null, Clock.systemUTC(), Duration.ofSeconds(1), insecurePlaintextBenchOnly);
    }

    public SealedStoreProcessor(Liveness liveness, Clock clock, Duration purgeInterval) {
        this(liveness, clock, purgeInterval, false);
    }

    public SealedStoreProcessor(Liveness liveness, Clock clock, Duration purgeInterval,
                                boolean insecurePlaintextBenchOnly) {
        this.liveness = liveness;
        this.clock = clock;
        this.purgeInterval = purgeInterval;
        this.insecurePlaintextBenchOnly = insecurePlaintextBenchOnly;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        store = context.getStateStore(STORE);
        if (liveness != null) {
            context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, t -> purge());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String group = SealedKeys.groupOf(record.key());
        if (record.value() == null) {
            SealedKeys.BatchKey batchKey = SealedKeys.parseBatch(record.key());
            if (batchKey != null) {
                store.delete(StoreKeys.of(batchKey));
            } else {
                deleteGroup(group);
            }
            return;
        }
        if (InsecurePlaintextBenchEnvelope.isInsecurePlaintext(record.value())) {
            if (!insecurePlaintextBenchOnly) {
                LOGGER.error("dropping an UNENCRYPTED (plaintext-bench) record of group {}: never stored", group);
                return;
            }
            InsecurePlaintextBenchEnvelope plain = InsecurePlaintextBenchEnvelope.parseInsecure(record.value());
            store.put(StoreKeys.batch(group, plain.events().stream(), plain.events().timestamp(0),
                    plain.sourcePartition(), plain.sourceOffset()), record.value());
            return;
        }
        SealedBatch batch;
        try {
            batch = SealedBatch.parse(record.value());
        } catch (EnvelopeException e) {
            LOGGER.error("dropping an unparsable sealed record of group {}", group);
            return;
        }
        if (batch.size() == 0) {
            return;
        }
        store.put(StoreKeys.batch(group, batch.stream(), batch.timestamp(0), batch.sourcePartition(),
                batch.sourceOffset()), record.value());
    }

    /** Deletes every batch that can never be returned again. Each purge writes tombstones to the changelog. */
    void purge() {
        long now = clock.millis();
        List<Bytes> dead = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (InsecurePlaintextBenchEnvelope.isInsecurePlaintext(kv.value)) {
                    if (!insecurePlaintextBenchOnly) {
                        dead.add(kv.key);
                    }
                    continue;
                }
                String group = StoreKeys.group(kv.key);
                try {
                    if (liveness.purgeable(group, SealedBatch.parse(kv.value), now)) {
                        dead.add(kv.key);
                    }
                } catch (EnvelopeException e) {
                    dead.add(kv.key);
                }
            }
        }
        dead.forEach(this::remove);
        if (!dead.isEmpty()) {
            LOGGER.debug("purged {} sealed batches", dead.size());
        }
    }

    /**
     * Removes a batch from the store and writes its tombstone to {@code logs.sealed}, so that the log cleaner
     * removes it from Kafka too: data leaves Kafka the way it leaves the store.
     */
    private void remove(Bytes key) {
        store.delete(key);
        context.forward(new Record<>(StoreKeys.sealedKey(key), null, clock.millis()));
    }

    private void deleteGroup(String group) {
        Bytes[] range = StoreKeys.groupRange(group);
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(range[0], range[1])) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(this::remove);
    }
}
