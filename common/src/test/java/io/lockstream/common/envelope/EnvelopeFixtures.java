package io.lockstream.common.envelope;

import io.lockstream.common.kms.DataKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Fixed inputs of the golden vectors, and a test-side decomposer/composer of sealed-batch bytes. */
final class EnvelopeFixtures {
    static final HexFormat HEX = HexFormat.of();

    static final String GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/app/web";
    static final String OTHER_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/app/api";
    static final String CMK_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String DEFAULT_KEY_ARN =
            "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-4000-8000-000000000001";

    /** Storage data key: bytes 0x00..0x1f; its "wrapped" form: 0xa0..0xbf (the KMS blob is opaque here). */
    static DataKey storageKey() {
        return new DataKey(range(0x00, 32), range(0xa0, 32), CMK_ARN);
    }

    /** Transit data key: bytes 0x20..0x3f; "wrapped": 0xc0..0xcf. */
    static DataKey transitKey() {
        return new DataKey(range(0x20, 32), range(0xc0, 16), DEFAULT_KEY_ARN);
    }

    /** Same ARN and wrapped bytes as {@link #storageKey()}, different key bytes. */
    static DataKey wrongStorageKey() {
        return new DataKey(range(0x40, 32), range(0xa0, 32), CMK_ARN);
    }

    static final byte[] STORAGE_SALT = HEX.parseHex("5a17c0de");
    static final long STORAGE_FIRST_COUNTER = 7;
    static final byte[] TRANSIT_SALT = HEX.parseHex("7a05e17e");
    static final long TRANSIT_FIRST_COUNTER = 0;

    static final String STREAM = "web-1";
    static final int PARTITION = 3;
    static final long OFFSET = 42;
    static final long INGESTION = 1_700_000_000_500L;

    /** Three events: ASCII, zero-length, multi-byte UTF-8 (2-, 3- and 4-byte sequences). */
    static EventBatch goldenBatch() {
        return EventBatch.builder(STREAM, INGESTION, 3)
                .add(1_700_000_000_000L, "hello")
                .add(1_700_000_000_001L, "")
                .add(1_700_000_000_002L, "h\u00e9llo \u20ac \uD83D\uDE00")
                .build();
    }

    static byte[] range(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    /**
     * Runs a seal with a fixed nonce on a fresh thread. SunJCE refuses to init a GCM cipher for encryption
     * with the same key and IV as its previous encryption ("Cannot reuse iv for GCM encryption"), and
     * {@link AesGcm} keeps one cipher per thread, so re-sealing a fixed-nonce vector on the same thread can
     * trip that guard. A fresh thread has a fresh cipher.
     */
    static <T> T onFreshThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, r -> new Thread(r).start()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] sealGolden() {
        return onFreshThread(() -> SealedBatch.seal(goldenBatch(), GROUP_ARN, PARTITION, OFFSET,
                SealingKey.forTestingWithFixedNonces(storageKey(), STORAGE_SALT, STORAGE_FIRST_COUNTER)));
    }

    static byte[] sealGoldenTransit() {
        return onFreshThread(() -> TransitRecord.sealBatch(goldenBatch(), GROUP_ARN,
                SealingKey.forTestingWithFixedNonces(transitKey(), TRANSIT_SALT, TRANSIT_FIRST_COUNTER)));
    }

    /** One stored event: clear timestamp and ciphertext-with-tag. */
    record Ev(long ts, byte[] ct) {
    }

    /** All fields of a sealed batch, with the byte ranges the bit-flip test needs. */
    record Layout(String keyArn, byte[] wrapped, byte[] salt, long first, String stream, int partition, long offset,
                  long ingestion, List<Ev> events, int keyArnStart, int keyArnEnd, int wrappedStart, int wrappedEnd) {

        Layout withEvents(List<Ev> evs) {
            return new Layout(keyArn, wrapped, salt, first, stream, partition, offset, ingestion, evs, 0, 0, 0, 0);
        }

        Layout withHeader(String newStream, int newPartition, long newOffset, long newIngestion, long newFirst) {
            return new Layout(keyArn, wrapped, salt, newFirst, newStream, newPartition, newOffset, newIngestion, events,
                    0, 0, 0, 0);
        }

        /** Encodes exactly as SealedBatch v1 does (minimal varints). */
        byte[] compose() {
            ByteWriter w = new ByteWriter(256);
            w.u8(1).str16(keyArn).bytes16(wrapped).bytes(salt).i64(first).str16(stream).i32(partition).i64(offset)
                    .i64(ingestion).varint(events.size());
            for (Ev e : events) {
                w.i64(e.ts()).varint(e.ct().length).bytes(e.ct());
            }
            return w.toByteArray();
        }
    }

    /** Decomposes well-formed sealed-batch bytes, independently of SealedBatch.parse. */
    static Layout decompose(byte[] b) {
        ByteReader r = new ByteReader(b);
        if (r.u8() != 1) {
            throw new IllegalArgumentException();
        }
        int arnLen = r.u16();
        int arnStart = r.position();
        String arn = new String(r.bytes(arnLen), java.nio.charset.StandardCharsets.UTF_8);
        int wLen = r.u16();
        int wStart = r.position();
        byte[] wrapped = r.bytes(wLen);
        byte[] salt = r.bytes(4);
        long first = r.i64();
        String stream = r.str16();
        int partition = r.i32();
        long offset = r.i64();
        long ingestion = r.i64();
        int n = r.varint();
        List<Ev> evs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = r.i64();
            evs.add(new Ev(ts, r.bytes(r.varint())));
        }
        r.expectEnd();
        return new Layout(arn, wrapped, salt, first, stream, partition, offset, ingestion, List.copyOf(evs),
                arnStart, arnStart + arnLen, wStart, wStart + wLen);
    }

    /** Opens every event of {@code sealed}; throws EnvelopeException if any fails. */
    static List<String> openAll(byte[] sealed, DataKey key, String groupArn) {
        SealedBatch sb = SealedBatch.parse(sealed);
        SealedBatch.Opener o = sb.opener(key, groupArn);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sb.size(); i++) {
            out.add(o.message(i));
        }
        return out;
    }

    static List<String> messages(EventBatch b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(b.message(i));
        }
        return out;
    }

    private EnvelopeFixtures() {
    }
}
