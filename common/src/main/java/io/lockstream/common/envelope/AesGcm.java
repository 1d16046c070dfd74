package io.lockstream.common.envelope;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM from the JDK provider (SunJCE, with the AES/CLMUL intrinsics: about 50x Bouncy Castle's
 * pure-Java GCM here, platform.md §3), one reusable {@link Cipher} per thread, 96-bit nonces, 128-bit tags.
 */
final class AesGcm {
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    });

    private AesGcm() {
    }

    static void nonce(byte[] out, byte[] salt, long counter) {
        System.arraycopy(salt, 0, out, 0, 4);
        for (int i = 0; i < 8; i++) {
            out[4 + i] = (byte) (counter >>> (56 - 8 * i));
        }
    }

    /** Encrypts {@code in[off..off+len)} into {@code out} at {@code outOff}; returns bytes written (len + 16). */
    static int seal(SecretKey key, byte[] nonce, byte[] aad, int aadLen, byte[] aadTail, int tailLen,
                    byte[] in, int off, int len, byte[] out, int outOff) {
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            c.updateAAD(aad, 0, aadLen);
            if (tailLen > 0) {
                c.updateAAD(aadTail, 0, tailLen);
            }
            return c.doFinal(in, off, len, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts and authenticates; any failure is an {@link EnvelopeException}. */
    static byte[] open(SecretKey key, byte[] nonce, byte[] aad, int aadLen, byte[] aadTail, int tailLen,
                       byte[] in, int off, int len) {
        if (len < TAG_BYTES) {
            throw new EnvelopeException();
        }
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            c.updateAAD(aad, 0, aadLen);
            if (tailLen > 0) {
                c.updateAAD(aadTail, 0, tailLen);
            }
            return c.doFinal(in, off, len);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException();
        }
    }
}
