package io.lockstream.query.store;

import java.nio.ByteBuffer;
import io.lockstream.common.logs.SealedKeys;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the sealed-batch store, ordered so that one range scan finds a stream's batches by time:
 * <pre>
 * key = group-length:u16 group stream-length:u16 stream first-timestamp:i64(sign-flipped) partition:i32 offset:i64
 * </pre>
 * A batch spans at most 24 hours, so batches holding events at or after {@code t} start at or after
 * {@code t - 24h}.
 */
public final class StoreKeys {
    private StoreKeys() {
    }

    public static Bytes batch(String group, String stream, long firstTimestamp, int partition, long offset) {
        byte[] g = group.getBytes(StandardCharsets.UTF_8);
        byte[] s = stream.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(2 + g.length + 2 + s.length + 20)
                .putShort((short) g.length).put(g).putShort((short) s.length).put(s)
                .putLong(firstTimestamp ^ Long.MIN_VALUE).putInt(partition).putLong(offset).array());
    }

    /** Smallest key of the stream's batches starting at or after {@code fromTimestamp}. */
    public static Bytes from(String group, String stream, long fromTimestamp) {
        return batch(group, stream, fromTimestamp, Integer.MIN_VALUE, Long.MIN_VALUE);
    }

    /** Largest key of the stream's batches starting at or before {@code toTimestamp}. */
    public static Bytes to(String group, String stream, long toTimestamp) {
        return batch(group, stream, toTimestamp, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** First and last possible keys of all of a group's batches. */
    public static Bytes[] groupRange(String group) {
        byte[] g = group.getBytes(StandardCharsets.UTF_8);
        byte[] lo = ByteBuffer.allocate(2 + g.length).putShort((short) g.length).put(g).array();
        byte[] hi = ByteBuffer.allocate(2 + g.length + 1).putShort((short) g.length).put(g).put((byte) 0xFF).array();
        return new Bytes[] {Bytes.wrap(lo), Bytes.wrap(hi)};
    }

    /** The group name of a batch key. */
    public static String group(Bytes key) {
        ByteBuffer b = ByteBuffer.wrap(key.get());
        byte[] g = new byte[b.getShort() & 0xFFFF];
        b.get(g);
        return new String(g, StandardCharsets.UTF_8);
    }

    /** The {@code logs.sealed} record key of the batch stored under {@code key} (for its tombstone). */
    public static String sealedKey(Bytes key) {
        ByteBuffer b = ByteBuffer.wrap(key.get());
        byte[] g = new byte[b.getShort() & 0xFFFF];
        b.get(g);
        byte[] s = new byte[b.getShort() & 0xFFFF];
        b.get(s);
        long firstTimestamp = b.getLong() ^ Long.MIN_VALUE;
        return SealedKeys.batch(new String(g, StandardCharsets.UTF_8), new String(s, StandardCharsets.UTF_8),
                firstTimestamp, b.getInt(), b.getLong());
    }

    /** The store key of the batch whose {@code logs.sealed} key is {@code key}. */
    public static Bytes of(SealedKeys.BatchKey key) {
        return batch(key.group(), key.stream(), key.firstTimestamp(), key.sourcePartition(), key.sourceOffset());
    }

    /** First and last possible keys of all of a stream's batches. */
    public static Bytes[] streamRange(String group, String stream) {
        return new Bytes[] {from(group, stream, Long.MIN_VALUE), to(group, stream, Long.MAX_VALUE)};
    }
}
