package io.lockstream.query.read;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import io.lockstream.query.store.Liveness;
import io.lockstream.query.store.StoreKeys;
import java.util.ArrayList;
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

    /**
     * Visible events of {@code streams} with {@code start <= timestamp < end}, sorted by position: not past
     * the group's retention at {@code now}, and ingested into the current incarnation of group and stream
     * ({@link Liveness#belongs}). Expired and deleted events disappear here at once, before the purge.
     */
    List<Candidate> candidates(LogGroup group, Collection<LogStream> streams, long start, long end, long now,
                               Predicate<EventPosition> keep) {
        start = Math.max(start, group.retentionCutoff(now));
        List<Candidate> out = new ArrayList<>();
        long from = start == Long.MIN_VALUE ? Long.MIN_VALUE : Math.max(Long.MIN_VALUE + MAX_BATCH_SPAN_MS,
                start) - MAX_BATCH_SPAN_MS;
        for (LogStream stream : streams) {
            try (KeyValueIterator<Bytes, byte[]> it = store.range(StoreKeys.from(group.name(), stream.name(), from),
                    StoreKeys.to(group.name(), stream.name(), end == Long.MAX_VALUE ? end : end - 1))) {
                while (it.hasNext()) {
                    byte[] value = it.next().value;
                    if (InsecurePlaintextBenchEnvelope.isInsecurePlaintext(value)) {
                        addInsecurePlain(out, value, start, end, keep);
                        continue;
                    }
                    SealedBatch batch = SealedBatch.parse(value);
                    if (!Liveness.belongs(group, stream, batch)) {
                        continue;
                    }
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
            }
        }
        out.sort((a, b) -> a.position().compareTo(b.position()));
        return out;
    }

    private void addInsecurePlain(List<Candidate> out, byte[] value, long start, long end,
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
