package io.lockstream.bench.jmh;

import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.kms.DataKey;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Envelope v1 ({@link SealedBatch}): sealing and opening a batch of 1000 events of each size; scores are
 * per event (ops = events). Short by default (2 shared cores): 1 fork, 2 x 1 s warm-up, 3 x 1 s measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EnvelopeBench {
    static final int EVENTS = 1000;
    static final String GROUP_ARN = "arn:aws:logs:us-west-2:123456789012:log-group:bench";
    static final String KEY_ARN = "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555";

    @Param({"100", "200", "1024", "4096"})
    int eventBytes;

    EventBatch batch;
    SealingKey sealingKey;
    DataKey dataKey;
    byte[] sealed;

    @Setup
    public void setup() {
        batch = batch(eventBytes, EVENTS);
        dataKey = dataKey();
        sealingKey = new SealingKey(dataKey, System.nanoTime());
        sealed = SealedBatch.seal(batch, GROUP_ARN, 0, 0, sealingKey);
    }

    static DataKey dataKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        byte[] wrapped = new byte[184]; // about the size of a KMS CiphertextBlob for a 32-byte key
        new SecureRandom().nextBytes(wrapped);
        return new DataKey(k, wrapped, KEY_ARN);
    }

    static EventBatch batch(int eventBytes, int events) {
        EventBatch.Builder b = EventBatch.builder("stream-1", 1_700_000_000_000L, events);
        StringBuilder sb = new StringBuilder(eventBytes);
        for (int i = 0; i < events; i++) {
            sb.setLength(0);
            sb.append("event ").append(i).append(' ');
            while (sb.length() < eventBytes) {
                sb.append((char) ('a' + sb.length() % 26));
            }
            b.add(1_700_000_000_000L + i, sb.toString());
        }
        return b.build();
    }

    /** Seals 1000 events (one PutLogEvents batch), as the encryptor does. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public byte[] seal() {
        return SealedBatch.seal(batch, GROUP_ARN, 0, 0, sealingKey);
    }

    /** Parses and decrypts all 1000 events of a sealed batch, as GetLogEvents does. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void open(Blackhole bh) {
        SealedBatch b = SealedBatch.parse(sealed);
        SealedBatch.Opener o = b.opener(dataKey, GROUP_ARN);
        for (int i = 0; i < b.size(); i++) {
            bh.consume(o.message(i));
        }
    }
}
