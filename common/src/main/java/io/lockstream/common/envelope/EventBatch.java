package io.lockstream.common.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plaintext of one PutLogEvents batch: the events of one log stream, accepted together. Messages are
 * kept as UTF-8 slices of one buffer, so the encryptor seals them without copying each event.
 *
 * <p>Plaintext encoding (only ever carried inside a sealed transit record):
 * <pre>
 * event-batch = stream:str16 ingestion-time:i64 count:varint 1*(timestamp:i64 length:varint message:length*OCTET)
 * </pre>
 * with count = the number of events, at least 1.
 */
public final class EventBatch {
    private final String stream;
    private final long ingestionTime;
    private final long[] timestamps;
    private final int[] offsets;
    private final int[] lengths;
    private final byte[] data;

    private EventBatch(String stream, long ingestionTime, long[] timestamps, int[] offsets, int[] lengths, byte[] data) {
        this.stream = stream;
        this.ingestionTime = ingestionTime;
        this.timestamps = timestamps;
        this.offsets = offsets;
        this.lengths = lengths;
        this.data = data;
    }

    public String stream() {
        return stream;
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

    public String message(int i) {
        return new String(data, offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    /** UTF-8 length of message {@code i}. */
    public int messageLength(int i) {
        return lengths[i];
    }

    /** Total UTF-8 bytes of all messages. */
    public long messageBytes() {
        long sum = 0;
        for (int len : lengths) {
            sum += len;
        }
        return sum;
    }

    byte[] data() {
        return data;
    }

    int offset(int i) {
        return offsets[i];
    }

    public static Builder builder(String stream, long ingestionTime, int expectedEvents) {
        return new Builder(stream, ingestionTime, expectedEvents);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(32 + data.length + size() * 12);
        w.str16(stream).i64(ingestionTime).varint(size());
        for (int i = 0; i < size(); i++) {
            w.i64(timestamps[i]).varint(lengths[i]).bytes(data, offsets[i], lengths[i]);
        }
        return w.toByteArray();
    }

    /** Decodes the plaintext form; the buffer becomes this batch's data (no copy). */
    static EventBatch decode(byte[] buf, int off, int len) {
        ByteReader r = new ByteReader(buf, off, len);
        String stream = r.str16();
        long ingestion = r.i64();
        int n = r.varint();
        if (n == 0 || n > r.remaining() / 9) {
            throw new EnvelopeException();
        }
        long[] ts = new long[n];
        int[] offs = new int[n];
        int[] lens = new int[n];
        for (int i = 0; i < n; i++) {
            ts[i] = r.i64();
            lens[i] = r.varint();
            offs[i] = r.skip(lens[i]);
        }
        r.expectEnd();
        return new EventBatch(stream, ingestion, ts, offs, lens, buf);
    }

    @Override
    public String toString() {
        return "EventBatch[stream=" + stream + ", events=" + size() + "]";
    }

    /** Collects events in order. */
    public static final class Builder {
        private final String stream;
        private final long ingestionTime;
        private long[] timestamps;
        private int[] offsets;
        private int[] lengths;
        private final ByteWriter data;
        private int n;

        private Builder(String stream, long ingestionTime, int expected) {
            this.stream = Objects.requireNonNull(stream);
            this.ingestionTime = ingestionTime;
            int cap = Math.max(1, expected);
            timestamps = new long[cap];
            offsets = new int[cap];
            lengths = new int[cap];
            data = new ByteWriter(cap * 64);
        }

        public Builder add(long timestamp, String message) {
            return add(timestamp, message.getBytes(StandardCharsets.UTF_8));
        }

        public Builder add(long timestamp, byte[] utf8) {
            if (n == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
                lengths = Arrays.copyOf(lengths, n * 2);
            }
            timestamps[n] = timestamp;
            offsets[n] = data.position();
            lengths[n] = utf8.length;
            data.bytes(utf8);
            n++;
            return this;
        }

        public int size() {
            return n;
        }

        public EventBatch build() {
            return new EventBatch(stream, ingestionTime, Arrays.copyOf(timestamps, n), Arrays.copyOf(offsets, n),
                    Arrays.copyOf(lengths, n), data.toByteArray());
        }
    }
}
