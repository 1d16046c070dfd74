package io.lockstream.query.read;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.query.store.Liveness;
import io.lockstream.query.store.StoreKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds events in the sealed-batch store by stream and time using only the clear parts of the envelopes
 * (timestamps, positions), then decrypts just the events a request returns or filters.
 */
public final class EventScan {
    private static final long MAX_BATCH_SPAN_MS = 24L * 3600 * 1000;

    /**
     * An event located in a batch, not yet decrypted: in a sealed {@code batch}, or (bench only, INSECURE)
     * in an {@code insecurePlain} batch, the other being null.
     */
    record Candidate(EventPosition position, SealedBatch batch, int index, InsecurePlaintextBenchEnvelope insecurePlain) {
        Candidate(EventPosition position, SealedBatch batch, int index) {
            this(position, batch, index, null);
        }
    }

    /** A decrypted event. */
    record Found(EventPosition position, String stream, long timestamp, long ingestionTime, String message) {
    }

    private final ReadOnlyKeyValueStore<Bytes, byte[]> store;
    private final SealedReader reader;
    /** INSECURE, bench only: serve plaintext-bench batches. False in production: reading one fails. */
    private final boolean insecurePlaintextBenchOnly;

    EventScan(ReadOnlyKeyValueStore<Bytes, byte[]> store, SealedReader reader, boolean insecurePlaintextBenchOnly) {
        this.store = store;
        this.reader = reader;
        this.insecurePlaintextBenchOnly = insecurePlaintextBenchOnly;
    }

    /** All visible events of {@code streams} with {@code start <= timestamp < end}, sorted by position. */
    List<Candidate> candidates(LogGroup group, Collection<LogStream> streams, long start, long end, long now,
                               Predicate<EventPosition> keep) {
        return candidates(group, streams, start, end, now, keep, Integer.MAX_VALUE, false);
    }

    /**
     * Visible events of {@code streams} with {@code start <= timestamp < end}, sorted by position: not past
     * the group's retention at {@code now}, and ingested into the current incarnation of group and stream
     * ({@link Liveness#belongs}). Expired and deleted events disappear here at once, before the purge.
     *
     * <p>Only the {@code limit} oldest ({@code newest} false) or newest events are returned, and the scan
     * stops as soon as no further batch can hold a better one: batches are stored by their first timestamp
     * and span at most 24 hours, so a read costs the batches near its answer, not the whole stream.
     */
    List<Candidate> candidates(LogGroup group, Collection<LogStream> streams, long start, long end, long now,
                               Predicate<EventPosition> keep, int limit, boolean newest) {
        long from = Math.max(start, group.retentionCutoff(now));
        // The worst kept candidate on top: the newest when keeping the oldest, and the other way round.
        Comparator<Candidate> order = Comparator.comparing(Candidate::position);
        PriorityQueue<Candidate> best = new PriorityQueue<>(newest ? order : order.reversed());
        long lowestFirst = from == Long.MIN_VALUE ? Long.MIN_VALUE
                : Math.max(Long.MIN_VALUE + MAX_BATCH_SPAN_MS, from) - MAX_BATCH_SPAN_MS;
        for (LogStream stream : streams) {
            Bytes lo = StoreKeys.from(group.name(), stream.name(), lowestFirst);
            Bytes hi = StoreKeys.to(group.name(), stream.name(), end == Long.MAX_VALUE ? end : end - 1);
            try (KeyValueIterator<Bytes, byte[]> it = newest ? store.reverseRange(lo, hi) : store.range(lo, hi)) {
                while (it.hasNext()) {
                    byte[] value = it.next().value;
                    List<Candidate> found = new ArrayList<>();
                    long firstTimestamp;
                    if (InsecurePlaintextBenchEnvelope.isInsecurePlaintext(value)) {
                        firstTimestamp = addInsecurePlain(found, value, from, end, keep);
                    } else {
                        SealedBatch batch = SealedBatch.parse(value);
                        firstTimestamp = batch.timestamp(0);
                        if (Liveness.belongs(group, stream, batch)) {
                            addVisible(found, batch, from, end, keep);
                        }
                    }
                    if (best.size() >= limit && cannotImprove(best.peek(), firstTimestamp, newest)) {
                        break;
                    }
                    for (Candidate c : found) {
                        best.add(c);
                        if (best.size() > limit) {
                            best.poll();
                        }
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(best);
        out.sort(order);
        return out;
    }

    /** Whether a batch starting at {@code firstTimestamp}, and every batch after it in the scan, loses to {@code worst}. */
    private static boolean cannotImprove(Candidate worst, long firstTimestamp, boolean newest) {
        return newest ? firstTimestamp + MAX_BATCH_SPAN_MS < worst.position().timestamp()
                : firstTimestamp > worst.position().timestamp();
    }

    private static void addVisible(List<Candidate> out, SealedBatch batch, long start, long end,
                                   Predicate<EventPosition> keep) {
        for (int i = 0; i < batch.size(); i++) {
            long ts = batch.timestamp(i);
            if (ts < start || ts >= end) {
                continue;
            }
            EventPosition p = new EventPosition(ts, batch.sourcePartition(), batch.sourceOffset(), i);
            if (keep.test(p)) {
                out.add(new Candidate(p, batch, i));
            }
        }
    }

    /** Adds a plaintext-bench batch's events (bench only); returns its first timestamp. */
    private long addInsecurePlain(List<Candidate> out, byte[] value, long start, long end,
                                  Predicate<EventPosition> keep) {
        if (!insecurePlaintextBenchOnly) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException",
                    "The store holds an unencrypted batch; it is never served.");
        }
        InsecurePlaintextBenchEnvelope plain = InsecurePlaintextBenchEnvelope.parseInsecure(value);
        for (int i = 0; i < plain.events().size(); i++) {
            long ts = plain.events().timestamp(i);
            if (ts < start || ts >= end) {
                continue;
            }
            EventPosition p = new EventPosition(ts, plain.sourcePartition(), plain.sourceOffset(), i);
            if (keep.test(p)) {
                out.add(new Candidate(p, null, i, plain));
            }
        }
        return plain.events().timestamp(0);
    }

    /** Decrypts candidates, opening each batch's data key once per request. */
    final class Decryptor {
        private final String groupArn;
        private final Map<SealedBatch, SealedBatch.Opener> openers = new IdentityHashMap<>();

        Decryptor(String groupArn) {
            this.groupArn = groupArn;
        }

        Found open(Candidate c) {
            if (c.insecurePlain() != null) {
                return new Found(c.position(), c.insecurePlain().events().stream(), c.position().timestamp(),
                        c.insecurePlain().events().ingestionTime(), c.insecurePlain().events().message(c.index()));
            }
            SealedBatch.Opener opener = openers.computeIfAbsent(c.batch(), b -> reader.opener(b, groupArn));
            String message = reader.message(c.batch(), groupArn, opener, c.index());
            return new Found(c.position(), c.batch().stream(), c.position().timestamp(), c.batch().ingestionTime(),
                    message);
        }
    }

    /**
     * Clear-timestamp statistics of a stream's visible events (DescribeLogStreams), or null if it has none.
     * Scans the stream's batch headers; nothing is decrypted.
     */
    StreamStats stats(LogGroup group, LogStream stream, long now) {
        long cutoff = group.retentionCutoff(now);
        StreamStats st = null;
        Bytes[] range = StoreKeys.streamRange(group.name(), stream.name());
        try (KeyValueIterator<Bytes, byte[]> it = store.range(range[0], range[1])) {
            while (it.hasNext()) {
                SealedBatch b = SealedBatch.parse(it.next().value);
                if (!Liveness.belongs(group, stream, b) || b.timestamp(b.size() - 1) < cutoff) {
                    continue;
                }
                long first = Long.MAX_VALUE;
                for (int i = 0; i < b.size() && first == Long.MAX_VALUE; i++) {
                    if (b.timestamp(i) >= cutoff) {
                        first = b.timestamp(i);
                    }
                }
                long last = b.timestamp(b.size() - 1);
                st = st == null ? new StreamStats(first, last, b.ingestionTime())
                        : new StreamStats(Math.min(st.first(), first), Math.max(st.last(), last),
                        Math.max(st.lastIngestion(), b.ingestionTime()));
            }
        }
        return st;
    }

    /** Ciphertext bytes of a group's batches now in the store (DescribeLogGroups {@code storedBytes}). */
    long storedBytes(String group) {
        long bytes = 0;
        Bytes[] range = StoreKeys.groupRange(group);
        try (KeyValueIterator<Bytes, byte[]> it = store.range(range[0], range[1])) {
            while (it.hasNext()) {
                bytes += it.next().value.length;
            }
        }
        return bytes;
    }

    /** First and last event timestamps and last ingestion time of a stream. */
    record StreamStats(long first, long last, long lastIngestion) {
    }

    Decryptor decryptor(String groupArn) {
        return new Decryptor(groupArn);
    }
}
