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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies in-band key changes to the group's association and seals each batch under the group's current
 * key: its customer managed key if one is associated, else the service's default key. Never falls back:
 * if the KMS refuses the group's key, the batch is retried (and the task replaced) until it can be sealed
 * under the right key; nothing is forwarded in the clear or under another key.
 */
final class SealProcessor implements Processor<String, byte[], String, byte[]> {
    static final String ASSOCIATIONS = "key-associations";
    private static final int REFUSED_RETRIES = 10;
    private static final long REFUSED_BACKOFF_MS = 500;
    private static final Logger LOGGER = LoggerFactory.getLogger(SealProcessor.class);

    private final Site site;
    private final String defaultKeyArn;
    private final SealingKeyCache sealingKeys;
    private final DecryptKeyCache transitKeys;
    /** INSECURE, bench only: forward batches in the clear instead of sealing them. False in production. */
    private final boolean insecurePlaintextBenchOnly;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> associations;

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
            context.forward(record.withValue(null));
        } else if (parsed instanceof TransitRecord.Batch batch) {
            String groupArn = site.logGroupArn(group);
            DataKey transitKey = transitKeys.get(batch.keyArn(), batch.wrappedKey(),
                    EncryptionContext.forLogGroup(groupArn));
            EventBatch events = batch.open(transitKey, groupArn);
            RecordMetadata source = context.recordMetadata().orElseThrow();
            String key = SealedKeys.batch(group, events.stream(), events.timestamp(0), source.partition(),
                    source.offset());
            context.forward(record.withKey(key).withValue(seal(group, groupArn, events, source)));
        }
    }

    private byte[] seal(String group, String groupArn, EventBatch events, RecordMetadata source) {
        if (insecurePlaintextBenchOnly) {
            return InsecurePlaintextBenchEnvelope.encodeInsecure(events, source.partition(), source.offset());
        }
        String keyArn = associations.get(group);
        if (keyArn == null) {
            keyArn = defaultKeyArn;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                SealingKey key = sealingKeys.get(keyArn, groupArn, events.size(), events.messageBytes());
                byte[] sealed = SealedBatch.seal(events, groupArn, source.partition(), source.offset(), key);
                sealingKeys.metrics().eventsSealed(events.size());
                return sealed;
            } catch (IllegalStateException retiredMeanwhile) {
                if (attempt > 3) {
                    throw retiredMeanwhile;
                }
            } catch (AwsException kmsRefused) {
                LOGGER.warn("cannot seal a batch of {} under {}: {} {}; retrying, never falling back",
                        group, keyArn, kmsRefused.type(), kmsRefused.getMessage());
                if (attempt >= REFUSED_RETRIES) {
                    throw new SealingRefusedException(group, keyArn, kmsRefused);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REFUSED_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the KMS", e);
        }
    }

    /** The KMS refused the group's key: the batch must wait, it is never sealed under another key. */
    static final class SealingRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealingRefusedException(String group, String keyArn, AwsException cause) {
            super("KMS refused " + keyArn + " for log group " + group + ": " + cause.type(), cause);
        }
    }
}
