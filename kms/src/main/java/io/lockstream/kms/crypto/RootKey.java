package io.lockstream.kms.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The operator's root key: wraps all KMS key material before it reaches the {@code kms.keys} topic
 * (DESIGN.md invariant 7). Supplied as base64 (environment, read by the launcher) or as a file; in
 * standalone mode generated on first start into a file readable only by its owner.
 */
public final class RootKey {
    private static final int BYTES = 32;
    private final byte[] key;

    private RootKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("the root key must be 32 bytes (256 bits)");
        }
        this.key = key;
    }

    /** From 32 bytes given as base64. */
    public static RootKey fromBase64(String base64) {
        try {
            return new RootKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root key must be base64 of 32 bytes");
        }
    }

    /** Reads the key file, creating it with a fresh random key and mode 0600 if it does not exist. */
    public static RootKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = Gcm.random(BYTES);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                return new RootKey(fresh);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: read theirs
            }
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Wraps key material, bound to the key id and material version. */
    public byte[] wrap(String keyId, int version, byte[] material) {
        return Gcm.seal(key, aad(keyId, version), material);
    }

    /** Unwraps key material; fails if it was wrapped for another key, version or under another root key. */
    public byte[] unwrap(String keyId, int version, byte[] wrapped) {
        byte[] out = Gcm.open(key, aad(keyId, version), wrapped, 0, wrapped.length);
        if (out == null) {
            throw new IllegalStateException("key material of " + keyId + " v" + version
                    + " does not open under this root key (wrong root key?)");
        }
        return out;
    }

    /**
     * Derives 32 bytes of key material for a named purpose with HKDF-SHA256 (Bouncy Castle): the service's
     * default key is derived, so every instance that creates it creates the same key.
     */
    public byte[] derive(String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, "lockstream-root-v1".getBytes(StandardCharsets.US_ASCII),
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[BYTES];
        hkdf.generateBytes(out, 0, BYTES);
        return out;
    }

    private static byte[] aad(String keyId, int version) {
        return ("lockstream-kms-material-v1|" + keyId + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RootKey[***]";
    }

    /** Overwrites the key bytes. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
