package io.lockstream.common.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * INSECURE, BENCHMARKS ONLY: a batch of {@code logs.sealed} that is NOT sealed. Only an encryptor started
 * with an {@code InsecureBenchOnly} token writes it, and only a query service started with one accepts it;
 * the production services drop/refuse it. Its version byte (0xB0) can never be taken for a
 * {@link SealedBatch} (version 1), so {@link SealedBatch#parse} rejects it.
 *
 * <pre>
 * insecure-plaintext-bench = %xB0 "INSECURE-PLAINTEXT-BENCH" source-partition:i32 source-offset:i64 event-batch
 * </pre>
 */
public final class InsecurePlaintextBenchEnvelope {
    public static final int VERSION = 0xB0;
    private static final byte[] MAGIC = "INSECURE-PLAINTEXT-BENCH".getBytes(StandardCharsets.US_ASCII);

    private final int sourcePartition;
    private final long sourceOffset;
    private final EventBatch events;

    private InsecurePlaintextBenchEnvelope(int sourcePartition, long sourceOffset, EventBatch events) {
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
        this.events = events;
    }

    /** True if {@code record} is an (insecure) plaintext-bench record rather than a sealed batch. */
    public static boolean isInsecurePlaintext(byte[] record) {
        return record != null && record.length > MAGIC.length && (record[0] & 0xff) == VERSION
                && Arrays.equals(record, 1, 1 + MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** INSECURE: writes the events in the clear. */
    public static byte[] encodeInsecure(EventBatch events, int sourcePartition, long sourceOffset) {
        byte[] plain = events.encode();
        return new ByteWriter(1 + MAGIC.length + 12 + plain.length).u8(VERSION).bytes(MAGIC).i32(sourcePartition)
                .i64(sourceOffset).bytes(plain).toByteArray();
    }

    public static InsecurePlaintextBenchEnvelope parseInsecure(byte[] record) {
        if (!isInsecurePlaintext(record)) {
            throw new EnvelopeException();
        }
        ByteReader r = new ByteReader(record);
        r.u8();
        r.bytes(MAGIC.length);
        int partition = r.i32();
        long offset = r.i64();
        int at = r.position();
        return new InsecurePlaintextBenchEnvelope(partition, offset,
                EventBatch.decode(record, at, record.length - at));
    }

    public int sourcePartition() {
        return sourcePartition;
    }

    public long sourceOffset() {
        return sourceOffset;
    }

    public EventBatch events() {
        return events;
    }
}
