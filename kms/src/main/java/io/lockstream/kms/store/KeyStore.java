package io.lockstream.kms.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.kafka.CompactedTopicView;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * KMS keys and aliases persisted in the compacted {@code kms.keys} topic and followed by every instance, so
 * a change written on one instance (a disabled key, a new policy, a moved alias) is seen by all within one
 * poll. Keys are stored under their key id, aliases under their alias name ({@code alias/...}); a deleted
 * key or alias is a tombstone.
 */
public final class KeyStore implements AutoCloseable {
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final String ALIAS_PREFIX = "alias/";

    private final CompactedTopicView<Object> view;
    private final KafkaProducer<String, byte[]> producer;

    public KeyStore(KafkaSettings kafka) {
        this.view = new CompactedTopicView<>(kafka, Topics.KEYS, KeyStore::decode);
        this.producer = new KafkaProducer<>(kafka.producer("kms-keys"));
    }

    /** A key record or an alias record; aliases are the records with an {@code aliasName}. */
    static Object decode(byte[] bytes) {
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node.has("aliasName")) {
                return Json.MAPPER.treeToValue(node, KmsAlias.class);
            }
            return Json.MAPPER.treeToValue(node, KmsKey.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("undecodable kms.keys record", e);
        }
    }

    public KeyStore start(Duration timeout) throws TimeoutException {
        view.start(timeout);
        return this;
    }

    public Optional<KmsKey> find(String keyId) {
        return view.get(keyId) instanceof KmsKey k ? Optional.of(k) : Optional.empty();
    }

    public Collection<KmsKey> all() {
        return view.values().stream().filter(KmsKey.class::isInstance).map(KmsKey.class::cast)
                .collect(Collectors.toList());
    }

    public Optional<KmsAlias> findAlias(String aliasName) {
        return view.get(aliasName) instanceof KmsAlias a ? Optional.of(a) : Optional.empty();
    }

    public List<KmsAlias> aliases() {
        return view.values().stream().filter(KmsAlias.class::isInstance).map(KmsAlias.class::cast)
                .collect(Collectors.toList());
    }

    /** Called on every key change (not alias change) seen on the topic, from any instance; null = deleted. */
    public void onChange(CompactedTopicView.Listener<KmsKey> listener) {
        onTimedChange((key, value, timestampMs) -> listener.changed(key, value));
    }

    /** As {@link #onChange}, also told when the change was written (the record timestamp, epoch ms). */
    public void onTimedChange(CompactedTopicView.TimedListener<KmsKey> listener) {
        view.addTimedListener((key, value, timestampMs) -> {
            if (!key.startsWith(ALIAS_PREFIX)) {
                listener.changed(key, value instanceof KmsKey k ? k : null, timestampMs);
            }
        });
    }

    /** Writes the key durably and returns once this instance's view shows it. */
    public void put(KmsKey key) {
        write(key.keyId(), key.toBytes());
    }

    public void putAlias(KmsAlias alias) {
        write(alias.aliasName(), alias.toBytes());
    }

    /** Tombstones a key: its material is gone from the view at once and from the topic at compaction. */
    public void deleteKey(String keyId) {
        write(keyId, null);
    }

    public void deleteAlias(String aliasName) {
        write(aliasName, null);
    }

    private void write(String recordKey, byte[] value) {
        try {
            RecordMetadata md = producer.send(new ProducerRecord<>(Topics.KEYS, recordKey, value)).get();
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
