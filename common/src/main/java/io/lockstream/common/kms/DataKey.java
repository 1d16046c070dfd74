package io.lockstream.common.kms;

import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * A 256-bit data key: its plaintext (destroyable, never printed) and its KMS-wrapped form.
 * The plaintext bytes are owned by this object: {@link #destroy()} overwrites them.
 */
public final class DataKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final byte[] plaintext;
    private final byte[] ciphertextBlob;
    private final String keyArn;
    private volatile boolean destroyed;

    /** Takes ownership of {@code plaintext}; the caller must not keep or change it. */
    public DataKey(byte[] plaintext, byte[] ciphertextBlob, String keyArn) {
        this.plaintext = Objects.requireNonNull(plaintext);
        this.ciphertextBlob = Objects.requireNonNull(ciphertextBlob).clone();
        this.keyArn = Objects.requireNonNull(keyArn);
    }

    /** The ARN of the KMS key that wraps this data key. */
    public String keyArn() {
        return keyArn;
    }

    /** The wrapped data key (KMS {@code CiphertextBlob}). */
    public byte[] ciphertextBlob() {
        return ciphertextBlob.clone();
    }

    @Override
    public String getAlgorithm() {
        return "AES";
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** The key bytes, as {@link javax.crypto.Cipher#init} needs them; fails once destroyed. */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("data key destroyed");
        }
        return plaintext.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DataKey[" + keyArn + "]";
    }
}
