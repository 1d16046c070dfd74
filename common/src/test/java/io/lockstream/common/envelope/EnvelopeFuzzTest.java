package io.lockstream.common.envelope;

import static io.lockstream.common.envelope.EnvelopeFixtures.GROUP_ARN;
import static org.assertj.core.api.Assertions.fail;

import io.lockstream.common.kms.DataKey;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random mutations of valid envelopes never make the parsers or openers throw anything
 * but {@link EnvelopeException} (no IndexOutOfBounds, NegativeArraySize, OutOfMemory, IllegalState...).
 * Seeded and bounded, so it is fast and reproducible.
 */
class EnvelopeFuzzTest {
    private static final int ITERATIONS = 20_000;

    private static final byte[][] SEEDS_SEALED = {SealedBatchTest.GOLDEN};
    private static final byte[][] SEEDS_TRANSIT = {TransitRecordTest.GOLDEN,
            EnvelopeFixtures.HEX.parseHex(TransitRecordTest.GOLDEN_KEY_CHANGE_HEX),
            EnvelopeFixtures.HEX.parseHex(TransitRecordTest.GOLDEN_GROUP_DELETED_HEX)};

    @Test
    void sealedBatchParseAndOpenOnlyThrowEnvelopeException() {
        Random rnd = new Random(0x5EA1EDL);
        DataKey key = EnvelopeFixtures.storageKey();
        for (int it = 0; it < ITERATIONS; it++) {
            byte[] input = it % 4 == 0 ? random(rnd) : mutate(rnd, SEEDS_SEALED[0]);
            try {
                SealedBatch sb = SealedBatch.parse(input);
                SealedBatch.Opener o = sb.opener(key, GROUP_ARN);
                for (int i = 0; i < sb.size(); i++) {
                    o.message(i);
                }
            } catch (EnvelopeException expected) {
                // the only allowed failure
            } catch (Throwable t) {
                fail("iteration " + it + " input " + EnvelopeFixtures.HEX.formatHex(input), t);
            }
        }
    }

    @Test
    void transitParseAndOpenOnlyThrowEnvelopeException() {
        Random rnd = new Random(0x7A05E17EL);
        DataKey key = EnvelopeFixtures.transitKey();
        for (int it = 0; it < ITERATIONS; it++) {
            byte[] input = it % 4 == 0 ? random(rnd) : mutate(rnd, SEEDS_TRANSIT[rnd.nextInt(SEEDS_TRANSIT.length)]);
            try {
                if (TransitRecord.parse(input) instanceof TransitRecord.Batch b) {
                    EventBatch e = b.open(key, GROUP_ARN);
                    for (int i = 0; i < e.size(); i++) {
                        e.message(i);
                    }
                }
            } catch (EnvelopeException expected) {
                // the only allowed failure
            } catch (Throwable t) {
                fail("iteration " + it + " input " + EnvelopeFixtures.HEX.formatHex(input), t);
            }
        }
    }

    /** The decoder behind an authenticated transit batch, fed directly (no tag in the way). */
    @Test
    void eventBatchDecodeOnlyThrowsEnvelopeException() {
        Random rnd = new Random(0xEB);
        byte[] good = EnvelopeFixtures.goldenBatch().encode();
        for (int it = 0; it < ITERATIONS; it++) {
            byte[] input = it % 4 == 0 ? random(rnd) : mutate(rnd, good);
            try {
                EventBatch e = EventBatch.decode(input, 0, input.length);
                for (int i = 0; i < e.size(); i++) {
                    e.message(i);
                }
            } catch (EnvelopeException expected) {
                // the only allowed failure
            } catch (Throwable t) {
                fail("iteration " + it + " input " + EnvelopeFixtures.HEX.formatHex(input), t);
            }
        }
    }

    private static byte[] random(Random rnd) {
        byte[] b = new byte[rnd.nextInt(160)];
        rnd.nextBytes(b);
        if (b.length > 0 && rnd.nextBoolean()) {
            b[0] = 1; // get past the version byte more often
        }
        if (b.length > 1 && rnd.nextBoolean()) {
            b[1] = (byte) rnd.nextInt(4);
        }
        return b;
    }

    /** 1..4 random edits: bit flip, byte set to an edge value, insert, delete, truncate, duplicate a slice. */
    private static byte[] mutate(Random rnd, byte[] seed) {
        byte[] b = seed.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0x00, 0x01, 0x7f, 0x80, 0xff}[rnd.nextInt(5)];
                case 2 -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                case 3 -> {
                    byte[] n = new byte[b.length - 1];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                    b = n;
                }
                case 4 -> b = Arrays.copyOf(b, at);
                default -> {
                    int len = rnd.nextInt(b.length - at) + 1;
                    byte[] n = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, at, n, b.length, len);
                    b = n;
                }
            }
        }
        return b;
    }
}
