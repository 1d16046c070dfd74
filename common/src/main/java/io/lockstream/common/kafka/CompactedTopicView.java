package io.lockstream.common.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory, always-current view of a compacted topic: every partition is read from the beginning and
 * then followed, so every process holding a view sees every change within one poll (50 ms). A writer that
 * has produced a record can wait until the view has applied it ({@link #awaitApplied}), which gives
 * read-your-writes on one instance and bounds staleness on all others.
 *
 * @param <V> the decoded value type
 */
public final class CompactedTopicView<V> implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CompactedTopicView.class);
    private static final Duration POLL = Duration.ofMillis(50);

    /** Told about each applied change; {@code value} is null for a deletion. */
    @FunctionalInterface
    public interface Listener<V> {
        void changed(String key, V value);
    }

    /** As {@link Listener}, also told the record's timestamp (epoch milliseconds; the time it was written). */
    @FunctionalInterface
    public interface TimedListener<V> {
        void changed(String key, V value, long timestampMs);
    }

    private final String topic;
    private final Function<byte[], V> decoder;
    private final Properties consumerProps;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final List<TimedListener<V>> listeners = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Map<Integer, Long> startEnd;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Thread thread;

    public CompactedTopicView(KafkaSettings kafka, String topic, Function<byte[], V> decoder) {
        this.topic = topic;
        this.decoder = decoder;
        this.consumerProps = kafka.viewConsumer("view-" + topic);
    }

    /** Starts following the topic and waits until everything present at start has been applied. */
    public CompactedTopicView<V> start(Duration timeout) throws TimeoutException {
        consumer = new KafkaConsumer<>(consumerProps);
        List<TopicPartition> parts = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<Integer, Long> end = new HashMap<>();
        consumer.endOffsets(parts, timeout).forEach((tp, off) -> end.put(tp.partition(), off));
        startEnd = end;
        thread = new Thread(this::run, "view-" + topic);
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var e : end.entrySet()) {
            awaitPosition(e.getKey(), e.getValue(), deadline);
        }
        return this;
    }

    public void addListener(Listener<V> listener) {
        listeners.add((key, value, timestampMs) -> listener.changed(key, value));
    }

    public void addTimedListener(TimedListener<V> listener) {
        listeners.add(listener);
    }

    public V get(String key) {
        return entries.get(key);
    }

    public Collection<V> values() {
        return entries.values();
    }

    public Map<String, V> snapshot() {
        return Map.copyOf(entries);
    }

    /** Waits until the view has applied the record described by {@code metadata}. */
    public void awaitApplied(RecordMetadata metadata, Duration timeout) throws TimeoutException {
        awaitPosition(metadata.partition(), metadata.offset() + 1, System.nanoTime() + timeout.toNanos());
    }

    private void awaitPosition(int partition, long position, long deadlineNanos) throws TimeoutException {
        synchronized (progress) {
            while (positions.getOrDefault(partition, 0L) < position) {
                if (failure != null) {
                    throw new IllegalStateException("view of " + topic + " failed", failure);
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("view of " + topic + " did not reach " + partition + "@" + position);
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimeoutException("interrupted");
                }
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                var records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> r : records) {
                    apply(r);
                }
                synchronized (progress) {
                    for (TopicPartition tp : consumer.assignment()) {
                        positions.put(tp.partition(), consumer.position(tp, Duration.ofSeconds(5)));
                    }
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (!closed) {
                LOGGER.error("view of {} stopped", topic, e);
                failure = e;
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        V value = null;
        if (r.value() != null) {
            try {
                value = decoder.apply(r.value());
            } catch (RuntimeException e) {
                LOGGER.warn("skipping undecodable record {}-{}@{}", topic, r.partition(), r.offset());
                return;
            }
        }
        if (value == null) {
            entries.remove(r.key());
        } else {
            entries.put(r.key(), value);
        }
        for (TimedListener<V> l : listeners) {
            try {
                l.changed(r.key(), value, r.timestamp());
            } catch (RuntimeException e) {
                LOGGER.warn("listener on {} failed", topic, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
