package io.lockstream.common.envelope;

import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.EncryptionContext;
import java.nio.charset.StandardCharsets;

/**
 * Envelope v1: the events of one PutLogEvents batch, each sealed on its own with AES-256-GCM under the
 * group's data key, with the wrapped data key carried once per batch. Timestamps and positions stay
 * readable (they index the store); messages do not. Each event's additional data binds the group's
 * encryption context, the stream, the batch's source position, the event count, the event's index,
 * timestamp and the ingestion time, so an event moved to another group, stream, batch or index, or a
 * batch with events dropped, fails authentication. Grammar and threat model: {@code ENVELOPE.md}.
 *
 * <p>Per-event overhead: 8 (timestamp) + 1..3 (length) + 16 (tag) bytes.
 */
public final class SealedBatch {
    public static final int VERSION = 1;
    private static final byte[] AAD_MAGIC = "LS1E".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_BYTES = 4 + 8;

    private final byte[] buf;
    private final String keyArn;
    private final byte[] wrappedKey;
    private final byte[] salt;
    private final long firstCounter;
    private final String stream;
    private final int sourcePartition;
    private final long sourceOffset;
    private final long ingestionTime;
    private final long[] timestamps;
    private final int[] ctOffsets;
    private final int[] ctLengths;

    private SealedBatch(byte[] buf, String keyArn, byte[] wrappedKey, byte[] salt, long firstCounter, String stream,
                        int sourcePartition, long sourceOffset, long ingestionTime, long[] timestamps,
                        int[] ctOffsets, int[] ctLengths) {
        this.buf = buf;
        this.keyArn = keyArn;
        this.wrappedKey = wrappedKey;
        this.salt = salt;
        this.firstCounter = firstCounter;
        this.stream = stream;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
        this.ingestionTime = ingestionTime;
        this.timestamps = timestamps;
        this.ctOffsets = ctOffsets;
        this.ctLengths = ctLengths;
    }

    /**
     * Seals {@code batch} for the group {@code groupArn}.
     *
     * @param sourcePartition partition of the transit record the batch came from (part of each event's id)
     * @param sourceOffset offset of that record
     */
    public static byte[] seal(EventBatch batch, String groupArn, int sourcePartition, long sourceOffset,
                              SealingKey key) {
        int n = batch.size();
        if (n == 0) {
            // Nothing would authenticate the header of an empty batch (every tag is per event).
            throw new IllegalArgumentException("a sealed batch needs at least one event");
        }
        DataKey dk = key.dataKey();
        long first = key.reserve(n, batch.messageBytes());
        ByteWriter w = new ByteWriter((int) Math.min(Integer.MAX_VALUE, 256 + batch.messageBytes() + 32L * n));
        w.u8(VERSION).str16(dk.keyArn()).bytes16(dk.ciphertextBlob()).bytes(key.salt()).i64(first)
                .str16(batch.stream()).i32(sourcePartition).i64(sourceOffset).i64(batch.ingestionTime()).varint(n);
        byte[] aad = aadPrefix(groupArn, batch.stream(), sourcePartition, sourceOffset, batch.ingestionTime(), n);
        byte[] tail = new byte[TAIL_BYTES];
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        byte[] data = batch.data();
        for (int i = 0; i < n; i++) {
            int len = batch.messageLength(i);
            w.i64(batch.timestamp(i)).varint(len + AesGcm.TAG_BYTES);
            w.ensure(len + AesGcm.TAG_BYTES);
            AesGcm.nonce(nonce, key.salt(), first + i);
            tail(tail, i, batch.timestamp(i));
            int written = AesGcm.seal(dk, nonce, aad, aad.length, tail, TAIL_BYTES, data, batch.offset(i), len,
                    w.array(), w.position());
            w.skip(written);
        }
        return w.toByteArray();
    }

    /** Parses the clear parts of a sealed batch; malformed input is an {@link EnvelopeException}. */
    public static SealedBatch parse(byte[] buf) {
        ByteReader r = new ByteReader(buf);
        if (r.u8() != VERSION) {
            throw new EnvelopeException();
        }
        String keyArn = r.str16();
        byte[] wrapped = r.bytes16();
        byte[] salt = r.bytes(4);
        long first = r.i64();
        String stream = r.str16();
        int partition = r.i32();
        long offset = r.i64();
        long ingestion = r.i64();
        int n = r.varint();
        if (n == 0 || n > r.remaining() / (8 + 1 + AesGcm.TAG_BYTES)) {
            throw new EnvelopeException();
        }
        long[] ts = new long[n];
        int[] offs = new int[n];
        int[] lens = new int[n];
        for (int i = 0; i < n; i++) {
            ts[i] = r.i64();
            lens[i] = r.varint();
            if (lens[i] < AesGcm.TAG_BYTES) {
                throw new EnvelopeException();
            }
            offs[i] = r.skip(lens[i]);
        }
        r.expectEnd();
        return new SealedBatch(buf, keyArn, wrapped, salt, first, stream, partition, offset, ingestion, ts, offs, lens);
    }

    /** Opens events of this batch for one group; build one per batch and reuse it for each event. */
    public Opener opener(DataKey key, String groupArn) {
        return new Opener(key, aadPrefix(groupArn, stream, sourcePartition, sourceOffset, ingestionTime, size()));
    }

    /** Decrypts events of one sealed batch. Not thread-safe. */
    public final class Opener {
        private final DataKey key;
        private final byte[] aad;
        private final byte[] tail = new byte[TAIL_BYTES];
        private final byte[] nonce = new byte[AesGcm.NONCE_BYTES];

        private Opener(DataKey key, byte[] aad) {
            this.key = key;
            this.aad = aad;
        }

        /** The message of event {@code i}; {@link EnvelopeException} if it fails authentication. */
        public String message(int i) {
            AesGcm.nonce(nonce, salt, firstCounter + i);
            tail(tail, i, timestamps[i]);
            byte[] plain = AesGcm.open(key, nonce, aad, aad.length, tail, TAIL_BYTES, buf, ctOffsets[i], ctLengths[i]);
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    private static byte[] aadPrefix(String groupArn, String stream, int partition, long offset, long ingestion,
                                    int count) {
        byte[] ctx = EncryptionContext.canonical(EncryptionContext.forLogGroup(groupArn));
        return new ByteWriter(64 + ctx.length).bytes(AAD_MAGIC).u8(VERSION).bytes(ctx).str16(stream).i32(partition)
                .i64(offset).i64(ingestion).i32(count).toByteArray();
    }

    private static void tail(byte[] tail, int index, long timestamp) {
        for (int k = 0; k < 4; k++) {
            tail[k] = (byte) (index >>> (24 - 8 * k));
        }
        for (int k = 0; k < 8; k++) {
            tail[4 + k] = (byte) (timestamp >>> (56 - 8 * k));
        }
    }

    public String keyArn() {
        return keyArn;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    public String stream() {
        return stream;
    }

    public int sourcePartition() {
        return sourcePartition;
    }

    public long sourceOffset() {
        return sourceOffset;
    }

    public long ingestionTime() {
        return ingestionTime;
    }

    public int size() {
        return timestamps.length;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Bytes of the stored envelope. */
    public int storedBytes() {
        return buf.length;
    }
}
