package io.lockstream.common.envelope;

import static io.lockstream.common.envelope.EnvelopeFixtures.GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.decompose;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockstream.common.envelope.EnvelopeFixtures.Layout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Nonces are salt(4) || counter(8): never repeated under one data key, whatever the concurrency. */
class NonceUniquenessTest {

    @Test
    void noNonceRepeatsUnderOneKeyAcrossThreadsAndBothFormats() throws Exception {
        SealingKey key = new SealingKey(EnvelopeFixtures.storageKey(), 0);
        int threads = 8;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Sealed>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Callable<List<Sealed>> job = () -> {
                Random rnd = new Random(seed);
                List<Sealed> out = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    EventBatch.Builder b = EventBatch.builder("s", 1, 4);
                    int n = 1 + rnd.nextInt(20);
                    for (int e = 0; e < n; e++) {
                        b.add(e, "m" + e);
                    }
                    // every 10th is a transit record under the same key: the two formats share the counter
                    boolean transit = i % 10 == 0;
                    out.add(new Sealed(transit, transit ? TransitRecord.sealBatch(b.build(), GROUP_ARN, key)
                            : SealedBatch.seal(b.build(), GROUP_ARN, seed, i, key)));
                }
                return out;
            };
            futures.add(pool.submit(job));
        }
        List<ByteBuffer> nonces = new ArrayList<>();
        for (Future<List<Sealed>> f : futures) {
            for (Sealed sealed : f.get()) {
                byte[] rec = sealed.bytes();
                if (sealed.transit()) {
                    TransitRecord.Batch tb = (TransitRecord.Batch) TransitRecord.parse(rec);
                    assertThat(tb.open(key.dataKey(), GROUP_ARN).message(0)).isEqualTo("m0");
                    nonces.add(ByteBuffer.wrap(tb.nonce()));
                    continue;
                }
                Layout l = decompose(rec);
                assertThat(l.salt()).isEqualTo(key.salt());
                SealedBatch sb = SealedBatch.parse(rec);
                SealedBatch.Opener o = sb.opener(key.dataKey(), GROUP_ARN);
                for (int i = 0; i < l.events().size(); i++) {
                    assertThat(o.message(i)).isEqualTo("m" + i);
                    byte[] nonce = new byte[AesGcm.NONCE_BYTES];
                    AesGcm.nonce(nonce, l.salt(), l.first() + i);
                    nonces.add(ByteBuffer.wrap(nonce));
                }
            }
        }
        pool.shutdown();
        Set<ByteBuffer> distinct = new HashSet<>(nonces);
        assertThat(distinct).hasSameSizeAs(nonces);
        // Structure: every nonce is this key's salt followed by a counter, and the counters handed out are
        // exactly 0 .. used-1, with no gap and no repeat.
        assertThat(key.messagesUsed()).isEqualTo(nonces.size());
        Set<Long> counters = new HashSet<>();
        for (ByteBuffer nb : nonces) {
            byte[] n = nb.array();
            assertThat(java.util.Arrays.copyOf(n, 4)).isEqualTo(key.salt());
            counters.add(ByteBuffer.wrap(n, 4, 8).getLong());
        }
        assertThat(counters).hasSize(nonces.size());
        assertThat(counters.stream().mapToLong(Long::longValue).min().getAsLong()).isZero();
        assertThat(counters.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(nonces.size() - 1);
    }

    private record Sealed(boolean transit, byte[] bytes) {
    }

    /**
     * Two SealingKeys hold different data keys in practice (one GenerateDataKey each), so equal salts would
     * be harmless; the salt only matters if one data key were ever loaded into two SealingKeys. With 4-byte
     * salts a probabilistic "no collision among N keys" claim would be flaky, so assert structure instead:
     * a new key starts its counter at 0, keeps its own salt, and salts come from a random source (every one
     * of the 32 salt bits takes both values across 256 keys; a constant or counter-like salt would not).
     */
    @Test
    void eachKeyHasItsOwnRandomSaltAndItsOwnCounter() {
        int[] ones = new int[32];
        for (int k = 0; k < 256; k++) {
            SealingKey key = new SealingKey(EnvelopeFixtures.storageKey(), k);
            assertThat(key.messagesUsed()).isZero();
            assertThat(key.salt()).hasSize(4);
            int salt = ByteBuffer.wrap(key.salt()).getInt();
            for (int bit = 0; bit < 32; bit++) {
                ones[bit] += (salt >>> bit) & 1;
            }
        }
        for (int bit = 0; bit < 32; bit++) {
            assertThat(ones[bit]).as("salt bit %d", bit).isBetween(1, 255);
        }
        SealingKey a = new SealingKey(EnvelopeFixtures.storageKey(), 0);
        assertThat(a.reserve(3, 0)).isZero();
        assertThat(a.reserve(1, 0)).isEqualTo(3);
        assertThat(a.messagesUsed()).isEqualTo(4);
    }

    @Test
    void nonceLayoutIsSaltThenBigEndianCounter() {
        byte[] n = new byte[12];
        AesGcm.nonce(n, new byte[] {1, 2, 3, 4}, 0x0102030405060708L);
        assertThat(EnvelopeFixtures.HEX.formatHex(n)).isEqualTo("010203040102030405060708");
    }
}
