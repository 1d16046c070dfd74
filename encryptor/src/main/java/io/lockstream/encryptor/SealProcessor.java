package io.lockstream.encryptor;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.logs.SealedKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies in-band key changes to the group's association and seals each batch under the group's current
 * key: its customer managed key if one is associated, else the service's default key. Never falls back:
 * if the KMS refuses that key (disabled, policy revoked, unreachable), the batch is parked — kept as it
 * arrived, still sealed for transit, with the key it must be sealed under — and retried every few seconds
 * until the KMS allows it, while the batches of other groups on the partition go on. Nothing is forwarded
 * in the clear or under another key.
 */
final class SealProcessor implements Processor<String, byte[], String, byte[]> {
    static final String ASSOCIATIONS = "key-associations";
    static final String PARKED = "parked-batches";
    static final Duration RETRY_PARKED = Duration.ofSeconds(5);
    private static final Logger LOGGER = LoggerFactory.getLogger(SealProcessor.class);

    private final Site site;
    private final String defaultKeyArn;
    private final SealingKeyCache sealingKeys;
    private final DecryptKeyCache transitKeys;
    /** INSECURE, bench only: forward batches in the clear instead of sealing them. False in production. */
    private final boolean insecurePlaintextBenchOnly;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> associations;
    private KeyValueStore<String, byte[]> parked;

    SealProcessor(Site site, String defaultKeyArn, SealingKeyCache sealingKeys, DecryptKeyCache transitKeys) {
        this(site, defaultKeyArn, sealingKeys, transitKeys, false);
    }

    SealProcessor(Site site, String defaultKeyArn, SealingKeyCache sealingKeys, DecryptKeyCache transitKeys,
                  boolean insecurePlaintextBenchOnly) {
        this.insecurePlaintextBenchOnly = insecurePlaintextBenchOnly;
        this.site = site;
        this.defaultKeyArn = defaultKeyArn;
        this.sealingKeys = sealingKeys;
        this.transitKeys = transitKeys;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.associations = context.getStateStore(ASSOCIATIONS);
        this.parked = context.getStateStore(PARKED);
        context.schedule(RETRY_PARKED, PunctuationType.WALL_CLOCK_TIME, this::retryParked);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String group = record.key();
        if (group == null || record.value() == null) {
            return;
        }
        TransitRecord parsed = TransitRecord.parse(record.value());
        if (parsed instanceof TransitRecord.KeyChange change) {
            if (change.keyArn() == null) {
                associations.delete(group);
            } else {
                associations.put(group, change.keyArn());
            }
        } else if (parsed instanceof TransitRecord.GroupDeleted) {
            associations.delete(group);
            dropParked(group);
            context.forward(record.withValue(null));
        } else if (parsed instanceof TransitRecord.Batch) {
            String keyArn = associations.get(group);
            RecordMetadata source = context.recordMetadata().orElseThrow();
            ParkedBatch batch = new ParkedBatch(group, keyArn == null ? defaultKeyArn : keyArn, source.partition(),
                    source.offset(), record.value());
            if (!trySeal(batch, record.timestamp())) {
                parked.put(batch.storeKey(), batch.encode());
            }
        }
    }

    /** Seals and forwards {@code batch}; false (after logging why) if the KMS refused its key. */
    private boolean trySeal(ParkedBatch batch, long timestamp) {
        try {
            String groupArn = site.logGroupArn(batch.group());
            TransitRecord.Batch transit = (TransitRecord.Batch) TransitRecord.parse(batch.transitRecord());
            DataKey transitKey = transitKeys.get(transit.keyArn(), transit.wrappedKey(),
                    EncryptionContext.forLogGroup(groupArn));
            EventBatch events = transit.open(transitKey, groupArn);
            String key = SealedKeys.batch(batch.group(), events.stream(), events.timestamp(0), batch.partition(),
                    batch.offset());
            context.forward(new Record<>(key, seal(batch, groupArn, events), timestamp));
            return true;
        } catch (AwsException refused) {
            LOGGER.warn("parking a batch of log group {} at {}:{}: the KMS refused {} ({}); retrying every {} s, never "
                            + "under another key", batch.group(), batch.partition(), batch.offset(), batch.keyArn(),
                    refused.type(), RETRY_PARKED.toSeconds());
            return false;
        }
    }

    private void retryParked(long now) {
        List<String> sealed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = parked.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (trySeal(ParkedBatch.decode(kv.value), now)) {
                    sealed.add(kv.key);
                }
            }
        }
        sealed.forEach(parked::delete);
    }

    private void dropParked(String group) {
        List<String> dropped = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = parked.all()) {
            it.forEachRemaining(kv -> {
                if (ParkedBatch.decode(kv.value).group().equals(group)) {
                    dropped.add(kv.key);
                }
            });
        }
        dropped.forEach(parked::delete);
    }

    private byte[] seal(ParkedBatch batch, String groupArn, EventBatch events) {
        if (insecurePlaintextBenchOnly) {
            return InsecurePlaintextBenchEnvelope.encodeInsecure(events, batch.partition(), batch.offset());
        }
        for (int attempt = 0; ; attempt++) {
            try {
                SealingKey key = sealingKeys.get(batch.keyArn(), groupArn, events.size(), events.messageBytes());
                byte[] sealed = SealedBatch.seal(events, groupArn, batch.partition(), batch.offset(), key);
                sealingKeys.metrics().eventsSealed(events.size());
                return sealed;
            } catch (IllegalStateException retiredMeanwhile) {
                if (attempt > 3) {
                    throw retiredMeanwhile;
                }
            }
        }
    }
}
