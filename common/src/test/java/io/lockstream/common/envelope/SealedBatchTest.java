package io.lockstream.common.envelope;

import static io.lockstream.common.envelope.EnvelopeFixtures.CMK_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.HEX;
import static io.lockstream.common.envelope.EnvelopeFixtures.INGESTION;
import static io.lockstream.common.envelope.EnvelopeFixtures.OFFSET;
import static io.lockstream.common.envelope.EnvelopeFixtures.OTHER_GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.PARTITION;
import static io.lockstream.common.envelope.EnvelopeFixtures.STREAM;
import static io.lockstream.common.envelope.EnvelopeFixtures.decompose;
import static io.lockstream.common.envelope.EnvelopeFixtures.openAll;
import static io.lockstream.common.envelope.EnvelopeFixtures.storageKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.envelope.EnvelopeFixtures.Ev;
import io.lockstream.common.envelope.EnvelopeFixtures.Layout;
import io.lockstream.common.kms.DataKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Envelope v1 for stored events: round trips, the frozen golden vector, and every kind of tampering. */
class SealedBatchTest {

    /**
     * Frozen: {@link EnvelopeFixtures#goldenBatch()} sealed for {@link EnvelopeFixtures#GROUP_ARN}, partition 3,
     * offset 42, data key 00..1f, wrapped key a0..bf, salt 5a17c0de, first counter 7. Reproduced independently
     * from ENVELOPE.md with Python's {@code cryptography} AESGCM. Never regenerate: v1 bytes must open forever.
     */
    static final String GOLDEN_SEALED_HEX =
            "01004b61726e3a6177733a6b6d733a75732d656173742d313a3132333435363738393031323a6b65792f313233346162"
            + "63642d313261622d333463642d353665662d3132333435363738393061620020a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
            + "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf5a17c0de000000000000000700057765622d3100000003000000000000002a00"
            + "00018bcfe569f4030000018bcfe568001596130aaa760af144023e377604053f2d61ac9e534d0000018bcfe568011020"
            + "7c9713be0b847be9fbc565e43751ec0000018bcfe568021fed7fe4cc3fa78092bcd4fdc51486a120edd3efdd205f8876"
            + "6c6d2dc498e7d5";

    static final byte[] GOLDEN = HEX.parseHex(GOLDEN_SEALED_HEX);
    static final List<String> GOLDEN_MESSAGES = List.of("hello", "", "h\u00e9llo \u20ac \uD83D\uDE00");

    private static SealingKey freshKey() {
        return new SealingKey(storageKey(), System.nanoTime());
    }

    private static byte[] seal(EventBatch b, SealingKey k) {
        return SealedBatch.seal(b, GROUP_ARN, PARTITION, OFFSET, k);
    }

    private static void assertRoundTrip(EventBatch batch) {
        byte[] sealed = seal(batch, freshKey());
        SealedBatch sb = SealedBatch.parse(sealed);
        assertThat(sb.size()).isEqualTo(batch.size());
        assertThat(sb.stream()).isEqualTo(batch.stream());
        assertThat(sb.ingestionTime()).isEqualTo(batch.ingestionTime());
        assertThat(sb.sourcePartition()).isEqualTo(PARTITION);
        assertThat(sb.sourceOffset()).isEqualTo(OFFSET);
        assertThat(sb.keyArn()).isEqualTo(CMK_ARN);
        assertThat(sb.wrappedKey()).isEqualTo(EnvelopeFixtures.range(0xa0, 32));
        assertThat(sb.storedBytes()).isEqualTo(sealed.length);
        SealedBatch.Opener o = sb.opener(storageKey(), GROUP_ARN);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(sb.timestamp(i)).isEqualTo(batch.timestamp(i));
            assertThat(o.message(i)).isEqualTo(batch.message(i));
        }
    }

    // ---- round trips ------------------------------------------------------------------------------------

    @Test
    void roundTripsOneEvent() {
        assertRoundTrip(EventBatch.builder(STREAM, INGESTION, 1).add(5L, "one event").build());
    }

    @Test
    void roundTripsManyEventsOutOfOrderAndNegativeTimestamps() {
        Random rnd = new Random(1);
        EventBatch.Builder b = EventBatch.builder(STREAM, INGESTION, 10);
        for (int i = 0; i < 2_000; i++) {
            byte[] m = new byte[rnd.nextInt(300)];
            for (int j = 0; j < m.length; j++) {
                m[j] = (byte) ('a' + rnd.nextInt(26));
            }
            b.add(rnd.nextLong(), m);
        }
        assertRoundTrip(b.build());
    }

    @Test
    void roundTripsZeroLengthAndMultiByteUtf8() {
        // The API rejects empty messages; this layer must still carry zero-length UTF-8 faithfully.
        assertRoundTrip(EventBatch.builder("\u6d41-\u00e9", INGESTION, 4).add(1, "").add(2, "\u00e9\u20ac\uD83D\uDE00")
                .add(3, "").add(4, "\u0000nul\u0000").build());
    }

    @Test
    void roundTrips256KiBMessage() {
        char[] c = new char[256 * 1024];
        Arrays.fill(c, 'x');
        String big = new String(c);
        assertRoundTrip(EventBatch.builder(STREAM, INGESTION, 2).add(1, big).add(2, "after").build());
        // 3-byte characters: 256 KiB of UTF-8 (87382 chars * 3 bytes, truncated to a whole character count)
        char[] e = new char[256 * 1024 / 3];
        Arrays.fill(e, '\u20ac');
        assertRoundTrip(EventBatch.builder(STREAM, INGESTION, 1).add(1, new String(e)).build());
    }

    @Test
    void refusesToSealAnEmptyBatch() {
        // Tags are per event: an empty batch would have nothing authenticating its header.
        assertThatThrownBy(() -> seal(EventBatch.builder(STREAM, INGESTION, 0).build(), freshKey()))
                .isInstanceOf(IllegalArgumentException.class);
        Layout l = decompose(GOLDEN).withEvents(List.of());
        assertThatThrownBy(() -> SealedBatch.parse(l.compose())).isInstanceOf(EnvelopeException.class);
    }

    // ---- golden vector ----------------------------------------------------------------------------------

    @Test
    void goldenVectorIsWhatTodaysCodeProduces() {
        assertThat(HEX.formatHex(EnvelopeFixtures.sealGolden())).isEqualTo(GOLDEN_SEALED_HEX);
    }

    @Test
    void goldenVectorOpens() {
        SealedBatch sb = SealedBatch.parse(GOLDEN);
        assertThat(sb.keyArn()).isEqualTo(CMK_ARN);
        assertThat(sb.stream()).isEqualTo(STREAM);
        assertThat(sb.sourcePartition()).isEqualTo(PARTITION);
        assertThat(sb.sourceOffset()).isEqualTo(OFFSET);
        assertThat(sb.ingestionTime()).isEqualTo(INGESTION);
        assertThat(new long[] {sb.timestamp(0), sb.timestamp(1), sb.timestamp(2)})
                .containsExactly(1_700_000_000_000L, 1_700_000_000_001L, 1_700_000_000_002L);
        assertThat(openAll(GOLDEN, storageKey(), GROUP_ARN)).isEqualTo(GOLDEN_MESSAGES);
        assertThat(decompose(GOLDEN).compose()).isEqualTo(GOLDEN);
    }

    // ---- tampering: every case must fail with the one EnvelopeException -----------------------------------

    private static void assertRejected(byte[] sealed) {
        assertRejected(sealed, storageKey(), GROUP_ARN);
    }

    private static void assertRejected(byte[] sealed, DataKey key, String group) {
        assertThatThrownBy(() -> openAll(sealed, key, group)).isExactlyInstanceOf(EnvelopeException.class)
                .hasMessage(EnvelopeException.MESSAGE);
    }

    @Test
    void truncationAtEveryPositionFails() {
        for (int len = 0; len < GOLDEN.length; len++) {
            assertRejected(Arrays.copyOf(GOLDEN, len));
        }
    }

    @Test
    void trailingBytesFail() {
        assertRejected(Arrays.copyOf(GOLDEN, GOLDEN.length + 1));
    }

    /**
     * A flipped bit anywhere must fail, except inside the key-ARN and wrapped-key values. Those two say which
     * KMS key unwraps which blob; they are not in the AES-GCM additional data because the KMS authenticates
     * them (a blob only decrypts under the key that made it, and only with the group's encryption context),
     * and an altered blob unwraps to no key or another key, which then fails here. At this layer, with the
     * right data key in hand, such a flip may parse (and then must still open to the original messages) or
     * fail to parse (a flip that makes the ARN malformed UTF-8). Their 2-byte length prefixes must fail.
     */
    @Test
    void bitFlipAtEveryPositionFailsExceptInsideKmsAuthenticatedFields() {
        Layout l = decompose(GOLDEN);
        int mustFail = 0;
        for (int pos = 0; pos < GOLDEN.length; pos++) {
            boolean kmsField = (pos >= l.keyArnStart() && pos < l.keyArnEnd())
                    || (pos >= l.wrappedStart() && pos < l.wrappedEnd());
            for (int bit = 0; bit < 8; bit++) {
                byte[] t = GOLDEN.clone();
                t[pos] ^= (byte) (1 << bit);
                if (!kmsField) {
                    mustFail++;
                    assertRejected(t);
                } else {
                    List<String> opened;
                    try {
                        opened = openAll(t, storageKey(), GROUP_ARN);
                    } catch (EnvelopeException e) {
                        continue;
                    }
                    assertThat(opened).isEqualTo(GOLDEN_MESSAGES);
                }
            }
        }
        assertThat(mustFail).isEqualTo(8 * (GOLDEN.length - CMK_ARN.length() - 32));
    }

    @Test
    void wrongGroupArnFails() {
        for (byte[] sealed : goldenAndFresh()) {
            assertRejected(sealed, storageKey(), OTHER_GROUP_ARN);
            assertRejected(sealed, storageKey(), GROUP_ARN.toUpperCase());
            assertRejected(sealed, storageKey(), GROUP_ARN + " ");
        }
    }

    @Test
    void wrongDataKeyFails() {
        for (byte[] sealed : goldenAndFresh()) {
            assertRejected(sealed, EnvelopeFixtures.wrongStorageKey(), GROUP_ARN);
        }
    }

    @Test
    void wrongStreamFails() {
        for (byte[] sealed : goldenAndFresh()) {
            Layout l = decompose(sealed);
            assertRejected(l.withHeader("web-2", l.partition(), l.offset(), l.ingestion(), l.first()).compose());
            assertRejected(l.withHeader("web-1x", l.partition(), l.offset(), l.ingestion(), l.first()).compose());
            assertRejected(l.withHeader("", l.partition(), l.offset(), l.ingestion(), l.first()).compose());
        }
    }

    @Test
    void changedSourcePositionOrIngestionTimeFails() {
        for (byte[] sealed : goldenAndFresh()) {
            Layout l = decompose(sealed);
            assertRejected(l.withHeader(l.stream(), l.partition() + 1, l.offset(), l.ingestion(), l.first()).compose());
            assertRejected(l.withHeader(l.stream(), l.partition(), l.offset() + 1, l.ingestion(), l.first()).compose());
            assertRejected(l.withHeader(l.stream(), l.partition(), l.offset(), l.ingestion() - 1, l.first()).compose());
            assertRejected(l.withHeader(l.stream(), l.partition(), l.offset(), l.ingestion(), l.first() + 1).compose());
        }
    }

    @Test
    void eventsSwappedBetweenIndicesFail() {
        for (byte[] sealed : goldenAndFresh()) {
            Layout l = decompose(sealed);
            List<Ev> evs = new ArrayList<>(l.events());
            java.util.Collections.swap(evs, 0, 2);
            assertRejected(l.withEvents(evs).compose());
            // ciphertexts swapped, timestamps left in place
            List<Ev> ct = new ArrayList<>(l.events());
            ct.set(0, new Ev(l.events().get(0).ts(), l.events().get(2).ct()));
            ct.set(2, new Ev(l.events().get(2).ts(), l.events().get(0).ct()));
            assertRejected(l.withEvents(ct).compose());
        }
    }

    /**
     * Dropping event 0 and advancing the header's first counter by one gives every remaining event its
     * original nonce back; only the index and count in the additional data catch this.
     */
    @Test
    void droppedEventWithRealignedNoncesFails() {
        for (byte[] sealed : goldenAndFresh()) {
            Layout l = decompose(sealed);
            Layout dropped = l.withHeader(l.stream(), l.partition(), l.offset(), l.ingestion(), l.first() + 1)
                    .withEvents(l.events().subList(1, 3));
            assertRejected(dropped.compose());
            Layout droppedLast = l.withEvents(l.events().subList(0, 2));
            assertRejected(droppedLast.compose());
        }
    }

    /**
     * The frozen vector, and the golden batch sealed by today's code under a random key: tamper tests on
     * the frozen bytes alone would pass vacuously if sealing and opening changed together (the golden tests
     * catch that too, but each property should stand on its own). The fresh one is checked to open first.
     */
    private static List<byte[]> goldenAndFresh() {
        byte[] fresh = seal(EnvelopeFixtures.goldenBatch(), freshKey());
        assertThat(openAll(fresh, storageKey(), GROUP_ARN)).isEqualTo(GOLDEN_MESSAGES);
        return List.of(fresh, GOLDEN); // GOLDEN opening is goldenVectorOpens' job
    }

    @Test
    void changedCountFails() {
        Layout l = decompose(GOLDEN);
        assertRejected(l.withEvents(l.events().subList(0, 2)).compose()); // last event dropped, count 2
        List<Ev> dup = new ArrayList<>(l.events());
        dup.add(l.events().get(2));
        assertRejected(l.withEvents(dup).compose()); // count 4
        byte[] raw = GOLDEN.clone(); // count byte alone changed, events untouched
        int countAt = l.wrappedEnd() + 4 + 8 + 2 + STREAM.length() + 4 + 8 + 8;
        assertThat(raw[countAt]).isEqualTo((byte) 3);
        raw[countAt] = 2;
        assertRejected(raw);
    }

    @Test
    void changedTimestampFails() {
        for (byte[] sealed : goldenAndFresh()) {
            Layout l = decompose(sealed);
            for (int i = 0; i < 3; i++) {
                List<Ev> evs = new ArrayList<>(l.events());
                evs.set(i, new Ev(evs.get(i).ts() + 1, evs.get(i).ct()));
                assertRejected(l.withEvents(evs).compose());
            }
        }
    }

    @Test
    void eventMovedToAnotherBatchFails() {
        // Another batch of the same group and stream, same data key, sealed from the next record.
        SealingKey k = freshKey();
        byte[] a = SealedBatch.seal(EnvelopeFixtures.goldenBatch(), GROUP_ARN, PARTITION, OFFSET, k);
        byte[] b = SealedBatch.seal(EnvelopeFixtures.goldenBatch(), GROUP_ARN, PARTITION, OFFSET + 1, k);
        Layout la = decompose(a);
        Layout lb = decompose(b);
        List<Ev> evs = new ArrayList<>(lb.events());
        evs.set(0, la.events().get(0));
        assertRejected(lb.withEvents(evs).compose());
        // and the whole batch replayed under another source position, salt and counters intact
        assertRejected(la.withHeader(la.stream(), lb.partition(), lb.offset(), la.ingestion(), la.first()).compose());
    }

    @Test
    void oversizedLengthFieldsFail() {
        Layout l = decompose(GOLDEN);
        // u16 lengths larger than the buffer: key ARN, wrapped key, stream
        for (int at : new int[] {1, l.keyArnEnd(), l.wrappedEnd() + 12}) {
            byte[] t = GOLDEN.clone();
            t[at] = (byte) 0xff;
            t[at + 1] = (byte) 0xff;
            assertRejected(t);
        }
        // varint count and ciphertext length larger than the buffer (and the 5-byte maximum)
        int countAt = l.wrappedEnd() + 4 + 8 + 2 + STREAM.length() + 4 + 8 + 8;
        for (byte[] v : new byte[][] {{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07},
                {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}, {(byte) 0xe8, 0x07}}) {
            assertRejected(splice(GOLDEN, countAt, 1, v));
            assertRejected(splice(GOLDEN, countAt + 1 + 8, 1, v)); // first event's ciphertext length
        }
        // a ciphertext length shorter than the tag
        assertRejected(l.withEvents(List.of(new Ev(1, new byte[15]))).compose());
    }

    /** Re-encoding a length as a longer varint must not give a second valid byte form of the same batch. */
    @Test
    void nonMinimalVarintsFail() {
        Layout l = decompose(GOLDEN);
        int countAt = l.wrappedEnd() + 4 + 8 + 2 + STREAM.length() + 4 + 8 + 8;
        assertRejected(splice(GOLDEN, countAt, 1, new byte[] {(byte) 0x83, 0x00}));
        assertRejected(splice(GOLDEN, countAt, 1, new byte[] {(byte) 0x83, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10}));
        int lenAt = countAt + 1 + 8;
        byte len = GOLDEN[lenAt];
        assertRejected(splice(GOLDEN, lenAt, 1, new byte[] {(byte) (len | 0x80), 0x00}));
    }

    @Test
    void malformedUtf8InClearStringsFails() {
        Layout l = decompose(GOLDEN);
        byte[] t = GOLDEN.clone();
        t[l.wrappedEnd() + 12 + 2] = (byte) 0xff; // first byte of the stream name
        assertRejected(t);
        byte[] u = GOLDEN.clone();
        u[l.keyArnStart()] = (byte) 0xc0; // first byte of the key ARN
        assertRejected(u);
    }

    @Test
    void unknownVersionByteFails() {
        for (int v : new int[] {0, 2, 0x7f, 0x80, 0xff}) {
            byte[] t = GOLDEN.clone();
            t[0] = (byte) v;
            assertRejected(t);
        }
    }

    // ---- per-event overhead -----------------------------------------------------------------------------

    @Test
    void perEventOverheadIsAtMost40Bytes() {
        EventBatch.Builder b = EventBatch.builder(STREAM, INGESTION, 1000);
        byte[] msg = new byte[200];
        Arrays.fill(msg, (byte) 'm');
        for (int i = 0; i < 1000; i++) {
            b.add(1_700_000_000_000L + i, msg);
        }
        EventBatch batch = b.build();
        byte[] sealed = seal(batch, freshKey());
        int header = 1 + 2 + CMK_ARN.getBytes(StandardCharsets.UTF_8).length + 2 + 32 + 4 + 8
                + 2 + STREAM.length() + 4 + 8 + 8 + 2; // count 1000 is a 2-byte varint
        long overhead = sealed.length - batch.messageBytes();
        assertThat(overhead).isLessThanOrEqualTo(40L * 1000 + header);
        // exactly: timestamp 8 + length varint 2 (216 > 127) + tag 16 = 26 bytes per event
        assertThat(overhead).isEqualTo(26L * 1000 + header);
    }

    static byte[] splice(byte[] src, int at, int removed, byte[] insert) {
        byte[] out = new byte[src.length - removed + insert.length];
        System.arraycopy(src, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(src, at + removed, out, at + insert.length, src.length - at - removed);
        return out;
    }
}
