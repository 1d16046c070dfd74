package io.lockstream.bench.jmh;

import io.lockstream.common.envelope.EventBatch;
import io.lockstream.common.envelope.SealingKey;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kms.DataKey;
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

/**
 * The transit record (ingest to encryptor): one AES-GCM seal of the whole encoded batch of 1000 events,
 * and parse + open + decode on the encryptor's side. Scores per event (ops = events).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TransitBench {
    @Param({"200", "1024"})
    int eventBytes;

    EventBatch batch;
    DataKey dataKey;
    SealingKey sealingKey;
    byte[] record;

    @Setup
    public void setup() {
        batch = EnvelopeBench.batch(eventBytes, EnvelopeBench.EVENTS);
        dataKey = EnvelopeBench.dataKey();
        sealingKey = new SealingKey(dataKey, System.nanoTime());
        record = TransitRecord.sealBatch(batch, EnvelopeBench.GROUP_ARN, sealingKey);
    }

    @Benchmark
    @OperationsPerInvocation(EnvelopeBench.EVENTS)
    public byte[] seal() {
        return TransitRecord.sealBatch(batch, EnvelopeBench.GROUP_ARN, sealingKey);
    }

    @Benchmark
    @OperationsPerInvocation(EnvelopeBench.EVENTS)
    public EventBatch open() {
        TransitRecord.Batch b = (TransitRecord.Batch) TransitRecord.parse(record);
        return b.open(dataKey, EnvelopeBench.GROUP_ARN);
    }
}
