package io.lockstream.bench.jmh;

import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM per event, as the envelope uses it (init with a fresh 96-bit nonce, ~40 bytes of AAD,
 * doFinal of one message), SunJCE vs Bouncy Castle side by side in one run. Scores are events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AesGcmProviderBench {
    @Param({"SunJCE", "BC"})
    String provider;

    @Param({"200", "4096"})
    int eventBytes;

    Cipher encrypt;
    Cipher decrypt;
    SecretKeySpec key;
    byte[] plain;
    byte[] out;
    byte[] aad = new byte[48];
    byte[] nonce = new byte[12];
    byte[] sealed;
    byte[] sealedNonce;
    long counter;

    @Setup
    public void setup() throws Exception {
        Provider p = "BC".equals(provider) ? new BouncyCastleProvider() : Security.getProvider("SunJCE");
        encrypt = Cipher.getInstance("AES/GCM/NoPadding", p);
        decrypt = Cipher.getInstance("AES/GCM/NoPadding", p);
        byte[] k = new byte[32];
        SecureRandom r = new SecureRandom();
        r.nextBytes(k);
        r.nextBytes(aad);
        r.nextBytes(nonce);
        key = new SecretKeySpec(k, "AES");
        plain = new byte[eventBytes];
        r.nextBytes(plain);
        out = new byte[eventBytes + 16];
        sealedNonce = nonce.clone();
        encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, sealedNonce));
        encrypt.updateAAD(aad);
        sealed = encrypt.doFinal(plain);
    }

    @Benchmark
    public int seal() throws Exception {
        // A fresh nonce per event (SunJCE refuses to reuse one), as SealedBatch derives salt || counter.
        ByteBuffer.wrap(nonce).putLong(4, ++counter);
        encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        encrypt.updateAAD(aad);
        return encrypt.doFinal(plain, 0, plain.length, out, 0);
    }

    @Benchmark
    public int open() throws Exception {
        decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealedNonce));
        decrypt.updateAAD(aad);
        return decrypt.doFinal(sealed, 0, sealed.length, out, 0);
    }
}
