package io.lockstream.encryptor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A batch the KMS would not let the encryptor seal yet, waiting in the encryptor's {@code parked-batches}
 * store: still its transit record (sealed under a data key of the service's default key, bound to the
 * group's encryption context), with the key it must be sealed under — the key associated when it was
 * accepted — and its position in {@code logs.events}, which stays its identity.
 *
 * <pre>
 * parked = key-arn-length:u16 key-arn group-length:u16 group partition:i32 offset:i64 transit-record
 * </pre>
 */
record ParkedBatch(String group, String keyArn, int partition, long offset, byte[] transitRecord) {

    /** Store key: the position, so parked batches are retried in the order they were accepted. */
    String storeKey() {
        return String.format("%010d:%020d", partition, offset);
    }

    byte[] encode() {
        byte[] k = keyArn.getBytes(StandardCharsets.UTF_8);
        byte[] g = group.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + k.length + 2 + g.length + 12 + transitRecord.length)
                .putShort((short) k.length).put(k).putShort((short) g.length).put(g)
                .putInt(partition).putLong(offset).put(transitRecord).array();
    }

    static ParkedBatch decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] k = new byte[b.getShort() & 0xFFFF];
        b.get(k);
        byte[] g = new byte[b.getShort() & 0xFFFF];
        b.get(g);
        int partition = b.getInt();
        long offset = b.getLong();
        byte[] transit = new byte[b.remaining()];
        b.get(transit);
        return new ParkedBatch(new String(g, StandardCharsets.UTF_8), new String(k, StandardCharsets.UTF_8), partition,
                offset, transit);
    }
}
