package io.lockstream.kms.crypto;

import io.lockstream.common.kms.EncryptionContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lockstream's KMS ciphertext format (symmetric keys). Versioned and authenticated; the key id and the
 * backing-key version are in clear so Decrypt needs no KeyId, and both are bound into the additional data
 * together with the canonical encryption context (aws-wire.md §4.6):
 * <pre>
 * blob = %x01 key-id-length:u8 key-id:UTF-8 material-version:u32 nonce:12 ciphertext tag:16
 * aad  = "LSKMS1" key-id material-version canonical-encryption-context
 * </pre>
 * A 32-byte data key gives a 102-byte blob, far below KMS's 6144-byte ciphertext limit.
 */
public final class CiphertextBlob {
    private static final int VERSION = 1;

    private CiphertextBlob() {
    }

    /** The clear header of a blob. */
    public record Header(String keyId, int materialVersion, int bodyOffset) {
    }

    public static byte[] encrypt(String keyId, int materialVersion, byte[] material, byte[] plaintext,
                                 Map<String, String> context) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Gcm.seal(material, aad(keyId, materialVersion, context), plaintext);
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 + id.length + sealed.length);
        out.write(VERSION);
        out.write(id.length);
        out.writeBytes(id);
        out.writeBytes(ByteBuffer.allocate(4).putInt(materialVersion).array());
        out.writeBytes(sealed);
        return out.toByteArray();
    }

    /** Reads the header, or empty if this is not a blob of ours. */
    public static Optional<Header> header(byte[] blob) {
        if (blob.length < 2 || blob[0] != VERSION) {
            return Optional.empty();
        }
        int idLen = blob[1] & 0xFF;
        if (idLen == 0 || blob.length < 2 + idLen + 4 + Gcm.NONCE + Gcm.TAG) {
            return Optional.empty();
        }
        String keyId = new String(blob, 2, idLen, StandardCharsets.UTF_8);
        int version = ByteBuffer.wrap(blob, 2 + idLen, 4).getInt();
        return Optional.of(new Header(keyId, version, 2 + idLen + 4));
    }

    /** Decrypts; empty if the blob does not authenticate under this material and context. */
    public static Optional<byte[]> decrypt(byte[] blob, Header header, byte[] material, Map<String, String> context) {
        byte[] aad = aad(header.keyId(), header.materialVersion(), context);
        return Optional.ofNullable(Gcm.open(material, aad, blob, header.bodyOffset(), blob.length - header.bodyOffset()));
    }

    private static byte[] aad(String keyId, int version, Map<String, String> context) {
        byte[] prefix = ("LSKMS1" + keyId).getBytes(StandardCharsets.UTF_8);
        byte[] ctx = EncryptionContext.canonical(context);
        return ByteBuffer.allocate(prefix.length + 4 + ctx.length).put(prefix).putInt(version).put(ctx).array();
    }
}
