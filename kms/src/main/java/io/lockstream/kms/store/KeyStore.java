package io.lockstream.kms.store;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kafka.CompactedTopicView;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * KMS keys persisted in the compacted {@code kms.keys} topic and followed by every instance, so a change
 * written on one instance (a disabled key, a new policy) is seen by all within one poll.
 */
public final class KeyStore implements AutoCloseable {
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final CompactedTopicView<KmsKey> view;
    private final KafkaProducer<String, byte[]> producer;

    public KeyStore(KafkaSettings kafka) {
        this.view = new CompactedTopicView<>(kafka, Topics.KEYS, KmsKey::fromBytes);
        this.producer = new KafkaProducer<>(kafka.producer("kms-keys"));
    }

    public KeyStore start(Duration timeout) throws TimeoutException {
        view.start(timeout);
        return this;
    }

    public Optional<KmsKey> find(String keyId) {
        return Optional.ofNullable(view.get(keyId));
    }

    public Collection<KmsKey> all() {
        return view.values();
    }

    /** Called on every key change seen on the topic, from any instance. */
    public void onChange(CompactedTopicView.Listener<KmsKey> listener) {
        view.addListener(listener);
    }

    /** Writes the key durably and returns once this instance's view shows it. */
    public void put(KmsKey key) {
        try {
            RecordMetadata md = producer.send(new ProducerRecord<>(Topics.KEYS, key.keyId(), key.toBytes())).get();
            view.awaitApplied(md, APPLY_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            throw AwsException.serviceUnavailable("KMSInternalException", "The key store is unavailable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsException.serviceUnavailable("KMSInternalException", "Interrupted.");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        view.close();
    }
}
