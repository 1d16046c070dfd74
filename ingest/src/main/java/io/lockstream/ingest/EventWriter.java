package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes sealed batches to {@code logs.events}, keyed by log group, and returns only when Kafka has
 * acknowledged them with {@code acks=all} from an idempotent producer (DESIGN.md invariant 5).
 */
final class EventWriter implements AutoCloseable {
    private static final long ACK_TIMEOUT_SECONDS = 30;
    private final KafkaProducer<String, byte[]> producer;
    private final TransitKeys transitKeys;

    EventWriter(KafkaSettings kafka, TransitKeys transitKeys) {
        this.producer = new KafkaProducer<>(kafka.producer("ingest-events"));
        this.transitKeys = transitKeys;
    }

    RecordMetadata write(String group, String groupArn, EventBatch batch) {
        byte[] sealed = transitKeys.seal(batch, groupArn);
        try {
            return producer.send(new ProducerRecord<>(Topics.EVENTS, group, sealed))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException",
                    "The events could not be stored (Kafka unavailable); retry the request.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsException.serviceUnavailable("ServiceUnavailableException", "Interrupted.");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
