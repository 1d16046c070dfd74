package io.lockstream.common.envelope;

import static io.lockstream.common.envelope.EnvelopeFixtures.CMK_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.DEFAULT_KEY_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.HEX;
import static io.lockstream.common.envelope.EnvelopeFixtures.INGESTION;
import static io.lockstream.common.envelope.EnvelopeFixtures.OTHER_GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.STREAM;
import static io.lockstream.common.envelope.EnvelopeFixtures.messages;
import static io.lockstream.common.envelope.EnvelopeFixtures.transitKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.kms.DataKey;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest-to-encryptor topic record: round trips, frozen golden vectors of all three kinds, tampering. */
class TransitRecordTest {

    /**
     * Frozen: {@link EnvelopeFixtures#goldenBatch()} sealed for transit for {@link EnvelopeFixtures#GROUP_ARN},
     * data key 20..3f, wrapped key c0..cf, salt 7a05e17e, counter 0. Reproduced independently from
     * ENVELOPE.md with Python's {@code cryptography} AESGCM. Never regenerate.
     */
    static final String GOLDEN_TRANSIT_HEX =
            "0101004b61726e3a6177733a6b6d733a75732d656173742d313a3132333435363738393031323a6b65792f3030303030"
            + "3030302d303030302d343030302d383030302d3030303030303030303030310010c0c1c2c3c4c5c6c7c8c9cacbcccdce"
            + "cf7a05e17e00000000000000007055ca8de1d8a9792968b142f8987dc240c7bab9fd2f7a4cc5651353292142e86a6034"
            + "24133edf58bf2c75869a902335874858861a14b259c370a3db9d792883bab2db03568392b4e4d290f8651fb8";
    static final String GOLDEN_KEY_CHANGE_HEX = "0102004b" + HEX.formatHex(CMK_ARN.getBytes());
    static final String GOLDEN_KEY_CHANGE_TO_DEFAULT_HEX = "01020000";
    static final String GOLDEN_GROUP_DELETED_HEX = "0103";

    static final byte[] GOLDEN = HEX.parseHex(GOLDEN_TRANSIT_HEX);
    /** Offsets inside {@link #GOLDEN}: version, kind, key-ARN length and value, wrapped length and value, nonce. */
    static final int ARN_START = 4;
    static final int ARN_END = ARN_START + DEFAULT_KEY_ARN.length();
    static final int WRAPPED_START = ARN_END + 2;
    static final int WRAPPED_END = WRAPPED_START + 16;
    static final int NONCE_END = WRAPPED_END + 12;

    private static EventBatch open(byte[] record, DataKey key, String group) {
        return ((TransitRecord.Batch) TransitRecord.parse(record)).open(key, group);
    }

    private static void assertRejected(byte[] record) {
        assertRejected(record, transitKey(), GROUP_ARN);
    }

    private static void assertRejected(byte[] record, DataKey key, String group) {
        assertThatThrownBy(() -> {
            TransitRecord r = TransitRecord.parse(record);
            if (r instanceof TransitRecord.Batch b) {
                b.open(key, group);
            }
        }).isExactlyInstanceOf(EnvelopeException.class);
    }

    private static void assertRoundTrip(EventBatch batch) {
        byte[] rec = TransitRecord.sealBatch(batch, GROUP_ARN, new SealingKey(transitKey(), 0));
        TransitRecord.Batch b = (TransitRecord.Batch) TransitRecord.parse(rec);
        assertThat(b.keyArn()).isEqualTo(DEFAULT_KEY_ARN);
        assertThat(b.wrappedKey()).isEqualTo(EnvelopeFixtures.range(0xc0, 16));
        EventBatch back = b.open(transitKey(), GROUP_ARN);
        assertThat(back.stream()).isEqualTo(batch.stream());
        assertThat(back.ingestionTime()).isEqualTo(batch.ingestionTime());
        assertThat(back.size()).isEqualTo(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(back.timestamp(i)).isEqualTo(batch.timestamp(i));
            assertThat(back.messageLength(i)).isEqualTo(batch.messageLength(i));
        }
        assertThat(messages(back)).isEqualTo(messages(batch));
        assertThat(back.messageBytes()).isEqualTo(batch.messageBytes());
    }

    // ---- round trips ------------------------------------------------------------------------------------

    @Test
    void roundTripsOneAndManyEvents() {
        assertRoundTrip(EventBatch.builder(STREAM, INGESTION, 1).add(1, "x").build());
        EventBatch.Builder b = EventBatch.builder(STREAM, INGESTION, 1);
        for (int i = 0; i < 10_000; i++) {
            b.add(-i, "event " + i);
        }
        assertRoundTrip(b.build());
    }

    @Test
    void roundTripsZeroLengthMultiByteAnd256KiB() {
        char[] c = new char[256 * 1024];
        Arrays.fill(c, 'y');
        assertRoundTrip(EventBatch.builder("\u6d41", INGESTION, 3).add(1, "").add(2, "\u00e9\u20ac\uD83D\uDE00")
                .add(3, new String(c)).build());
    }

    @Test
    void roundTripsKeyChangesAndDeletion() {
        assertThat(TransitRecord.parse(TransitRecord.keyChange(CMK_ARN))).isEqualTo(new TransitRecord.KeyChange(CMK_ARN));
        assertThat(TransitRecord.parse(TransitRecord.keyChange(null))).isEqualTo(new TransitRecord.KeyChange(null));
        assertThat(TransitRecord.parse(TransitRecord.groupDeleted())).isEqualTo(new TransitRecord.GroupDeleted());
    }

    @Test
    void refusesToSealAnEmptyBatch() {
        assertThatThrownBy(() -> TransitRecord.sealBatch(EventBatch.builder(STREAM, 0, 0).build(), GROUP_ARN,
                new SealingKey(transitKey(), 0))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- golden vectors ---------------------------------------------------------------------------------

    @Test
    void goldenVectorsAreWhatTodaysCodeProduces() {
        assertThat(HEX.formatHex(EnvelopeFixtures.sealGoldenTransit())).isEqualTo(GOLDEN_TRANSIT_HEX);
        assertThat(HEX.formatHex(TransitRecord.keyChange(CMK_ARN))).isEqualTo(GOLDEN_KEY_CHANGE_HEX);
        assertThat(HEX.formatHex(TransitRecord.keyChange(null))).isEqualTo(GOLDEN_KEY_CHANGE_TO_DEFAULT_HEX);
        assertThat(HEX.formatHex(TransitRecord.groupDeleted())).isEqualTo(GOLDEN_GROUP_DELETED_HEX);
    }

    @Test
    void goldenVectorsParseAndOpen() {
        TransitRecord.Batch b = (TransitRecord.Batch) TransitRecord.parse(GOLDEN);
        assertThat(b.keyArn()).isEqualTo(DEFAULT_KEY_ARN);
        assertThat(b.nonce()).isEqualTo(HEX.parseHex("7a05e17e0000000000000000"));
        EventBatch e = b.open(transitKey(), GROUP_ARN);
        assertThat(e.stream()).isEqualTo(STREAM);
        assertThat(e.ingestionTime()).isEqualTo(INGESTION);
        assertThat(messages(e)).isEqualTo(SealedBatchTest.GOLDEN_MESSAGES);
        assertThat(new long[] {e.timestamp(0), e.timestamp(1), e.timestamp(2)})
                .containsExactly(1_700_000_000_000L, 1_700_000_000_001L, 1_700_000_000_002L);
        assertThat(TransitRecord.parse(HEX.parseHex(GOLDEN_KEY_CHANGE_HEX))).isEqualTo(new TransitRecord.KeyChange(CMK_ARN));
        assertThat(TransitRecord.parse(HEX.parseHex(GOLDEN_KEY_CHANGE_TO_DEFAULT_HEX)))
                .isEqualTo(new TransitRecord.KeyChange(null));
        assertThat(TransitRecord.parse(HEX.parseHex(GOLDEN_GROUP_DELETED_HEX))).isEqualTo(new TransitRecord.GroupDeleted());
    }

    // ---- tampering --------------------------------------------------------------------------------------

    @Test
    void truncationAtEveryPositionFails() {
        for (int len = 0; len < GOLDEN.length; len++) {
            assertRejected(Arrays.copyOf(GOLDEN, len));
        }
        byte[] kc = HEX.parseHex(GOLDEN_KEY_CHANGE_HEX);
        for (int len = 0; len < kc.length; len++) {
            assertRejected(Arrays.copyOf(kc, len));
        }
        assertRejected(new byte[] {1});
    }

    @Test
    void trailingBytesFail() {
        assertRejected(Arrays.copyOf(GOLDEN, GOLDEN.length + 1));
        assertRejected(HEX.parseHex(GOLDEN_KEY_CHANGE_HEX + "00"));
        assertRejected(HEX.parseHex(GOLDEN_KEY_CHANGE_TO_DEFAULT_HEX + "00"));
        assertRejected(HEX.parseHex(GOLDEN_GROUP_DELETED_HEX + "00"));
    }

    /**
     * Every flipped bit fails except inside the key-ARN and wrapped-key values, which the KMS authenticates
     * (see SealedBatchTest): with the right data key in hand such a record may parse and then opens to the
     * original batch.
     */
    @Test
    void bitFlipAtEveryPositionFailsExceptInsideKmsAuthenticatedFields() {
        int mustFail = 0;
        for (int pos = 0; pos < GOLDEN.length; pos++) {
            boolean kmsField = (pos >= ARN_START && pos < ARN_END) || (pos >= WRAPPED_START && pos < WRAPPED_END);
            for (int bit = 0; bit < 8; bit++) {
                byte[] t = GOLDEN.clone();
                t[pos] ^= (byte) (1 << bit);
                if (!kmsField) {
                    mustFail++;
                    assertRejected(t);
                } else {
                    EventBatch e;
                    try {
                        e = open(t, transitKey(), GROUP_ARN);
                    } catch (EnvelopeException ex) {
                        continue;
                    }
                    assertThat(messages(e)).isEqualTo(SealedBatchTest.GOLDEN_MESSAGES);
                }
            }
        }
        assertThat(mustFail).isEqualTo(8 * (GOLDEN.length - DEFAULT_KEY_ARN.length() - 16));
    }

    @Test
    void wrongGroupArnFails() {
        assertRejected(GOLDEN, transitKey(), OTHER_GROUP_ARN);
        assertRejected(GOLDEN, transitKey(), GROUP_ARN.toUpperCase());
    }

    @Test
    void wrongDataKeyFails() {
        assertRejected(GOLDEN, new DataKey(EnvelopeFixtures.range(0x21, 32), EnvelopeFixtures.range(0xc0, 16),
                DEFAULT_KEY_ARN), GROUP_ARN);
    }

    @Test
    void changedNonceFails() {
        for (int pos = WRAPPED_END; pos < NONCE_END; pos++) {
            byte[] t = GOLDEN.clone();
            t[pos]++;
            assertRejected(t);
        }
    }

    @Test
    void ciphertextMovedBetweenRecordsFails() {
        // Two records of the same group under one key; the ciphertext of one spliced behind the other's header.
        SealingKey k = new SealingKey(transitKey(), 0);
        byte[] a = TransitRecord.sealBatch(EnvelopeFixtures.goldenBatch(), GROUP_ARN, k);
        byte[] b = TransitRecord.sealBatch(EnvelopeFixtures.goldenBatch(), GROUP_ARN, k);
        byte[] moved = Arrays.copyOf(b, b.length);
        System.arraycopy(a, NONCE_END, moved, NONCE_END, a.length - NONCE_END);
        assertRejected(moved);
    }

    @Test
    void oversizedLengthFieldsFail() {
        for (int at : new int[] {2, ARN_END}) {
            byte[] t = GOLDEN.clone();
            t[at] = (byte) 0xff;
            t[at + 1] = (byte) 0xff;
            assertRejected(t);
        }
        byte[] kc = HEX.parseHex(GOLDEN_KEY_CHANGE_HEX);
        kc[2] = (byte) 0xff;
        assertRejected(kc);
        assertRejected(HEX.parseHex("01020001"));
        // a ciphertext shorter than the tag
        assertRejected(Arrays.copyOf(GOLDEN, NONCE_END + 15));
    }

    @Test
    void unknownVersionOrKindFails() {
        for (int v : new int[] {0, 2, 0xff}) {
            byte[] t = GOLDEN.clone();
            t[0] = (byte) v;
            assertRejected(t);
        }
        for (int k : new int[] {0, 4, 0x81, 0xff}) {
            byte[] t = GOLDEN.clone();
            t[1] = (byte) k;
            assertRejected(t);
            assertRejected(new byte[] {1, (byte) k});
        }
        assertRejected(new byte[0]);
    }

    /**
     * A transit plaintext that authenticates but is malformed (a buggy or compromised ingest holding the
     * transit key) is still refused by the event-batch decoder with the same exception.
     */
    @Test
    void malformedEventBatchPlaintextFails() {
        byte[] good = EnvelopeFixtures.goldenBatch().encode();
        for (int len = 0; len < good.length; len++) {
            int n = len;
            assertThatThrownBy(() -> EventBatch.decode(good, 0, n)).isExactlyInstanceOf(EnvelopeException.class);
        }
        assertThatThrownBy(() -> EventBatch.decode(Arrays.copyOf(good, good.length + 1), 0, good.length + 1))
                .isExactlyInstanceOf(EnvelopeException.class);
        // count 0
        byte[] empty = new ByteWriter(16).str16(STREAM).i64(INGESTION).varint(0).toByteArray();
        assertThatThrownBy(() -> EventBatch.decode(empty, 0, empty.length)).isExactlyInstanceOf(EnvelopeException.class);
        assertThat(messages(EventBatch.decode(good, 0, good.length))).isEqualTo(SealedBatchTest.GOLDEN_MESSAGES);
    }
}
