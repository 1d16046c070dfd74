package io.lockstream.query.store;

import io.lockstream.common.envelope.EnvelopeException;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
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
 * removes all of that group's batches.
 */
public final class SealedStoreProcessor implements Processor<String, byte[], Void, Void> {
    public static final String STORE = "sealed-batches";
    private static final Logger LOGGER = LoggerFactory.getLogger(SealedStoreProcessor.class);

    /** INSECURE, bench only: also store plaintext-bench records. False in production: they are dropped. */
    private final boolean insecurePlaintextBenchOnly;
    private KeyValueStore<Bytes, byte[]> store;

    public SealedStoreProcessor() {
        this(false);
    }

    public SealedStoreProcessor(boolean insecurePlaintextBenchOnly) {
        this.insecurePlaintextBenchOnly = insecurePlaintextBenchOnly;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String group = record.key();
        if (group == null) {
            return;
        }
        if (record.value() == null) {
            deleteGroup(group);
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

    private void deleteGroup(String group) {
        Bytes[] range = StoreKeys.groupRange(group);
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(range[0], range[1])) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }
}
