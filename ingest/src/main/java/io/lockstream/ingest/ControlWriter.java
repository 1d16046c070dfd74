package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.GroupDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes control-plane changes (groups, streams, in-band key changes) atomically in one Kafka transaction,
 * then waits until this instance's directory shows them, so a call that returned is visible to the next.
 */
final class ControlWriter implements AutoCloseable {
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final GroupDirectory directory;

    ControlWriter(KafkaSettings kafka, GroupDirectory directory) {
        Properties p = kafka.producer("ingest-control");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lockstream-ingest-control-" + UUID.randomUUID());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p);
        this.producer.initTransactions();
        this.directory = directory;
    }

    /** Writes {@code records} in one transaction and waits until the directory has applied them. */
    synchronized void write(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> r : records) {
                sent.add(producer.send(r));
            }
            producer.commitTransaction();
            for (int i = 0; i < records.size(); i++) {
                RecordMetadata md = sent.get(i).get();
                String topic = records.get(i).topic();
                if (Topics.GROUPS.equals(topic)) {
                    directory.groupView().awaitApplied(md, APPLY_TIMEOUT);
                } else if (Topics.STREAMS.equals(topic)) {
                    directory.streamView().awaitApplied(md, APPLY_TIMEOUT);
                }
            }
        } catch (KafkaException e) {
            abortQuietly();
            throw unavailable();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // the transaction is already gone; nothing was committed
        }
    }

    private static AwsException unavailable() {
        return AwsException.serviceUnavailable("ServiceUnavailableException",
                "The service cannot complete the request (Kafka unavailable); nothing was changed.");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
