package io.lockstream.common.envelope;

import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.EncryptionContext;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A record of the {@code logs.events} topic, keyed by log group name: either a batch of events sealed for
 * transit from ingest to the encryptor, or an in-band change of the group's key, which orders key changes
 * with the data (DESIGN.md invariant 3). Grammar in {@code ENVELOPE.md}.
 */
public sealed interface TransitRecord {
    int VERSION = 1;
    int KIND_BATCH = 1;
    int KIND_KEY_CHANGE = 2;
    int KIND_GROUP_DELETED = 3;
    byte[] AAD_MAGIC = "LS1T".getBytes(StandardCharsets.US_ASCII);

    /** Events sealed for transit under a per-group data key of the service's default key. */
    record Batch(String keyArn, byte[] wrappedKey, byte[] nonce, byte[] buf, int ctOffset, int ctLength)
            implements TransitRecord {
        /** Decrypts and parses the batch; fails with {@link EnvelopeException} if anything was altered. */
        public EventBatch open(DataKey key, String groupArn) {
            byte[] aad = aad(groupArn);
            byte[] plain = AesGcm.open(key, nonce, aad, aad.length, null, 0, buf, ctOffset, ctLength);
            return EventBatch.decode(plain, 0, plain.length);
        }
    }

    /**
     * The group's customer managed key changed.
     *
     * @param keyArn the new key ARN, or {@code null} for "back to the default key"
     */
    record KeyChange(String keyArn) implements TransitRecord {
    }

    /** The group was deleted: forget its key association. */
    record GroupDeleted() implements TransitRecord {
    }

    static byte[] aad(String groupArn) {
        byte[] ctx = EncryptionContext.canonical(EncryptionContext.forLogGroup(groupArn));
        byte[] aad = new byte[AAD_MAGIC.length + ctx.length];
        System.arraycopy(AAD_MAGIC, 0, aad, 0, AAD_MAGIC.length);
        System.arraycopy(ctx, 0, aad, AAD_MAGIC.length, ctx.length);
        return aad;
    }

    /** Seals a batch for transit under {@code key}, bound to the group's encryption context. */
    static byte[] sealBatch(EventBatch batch, String groupArn, SealingKey key) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("a transit batch needs at least one event");
        }
        byte[] plain = batch.encode();
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        AesGcm.nonce(nonce, key.salt(), key.reserve(1, plain.length));
        DataKey dk = key.dataKey();
        ByteWriter w = new ByteWriter(plain.length + 256);
        w.u8(VERSION).u8(KIND_BATCH).str16(dk.keyArn()).bytes16(dk.ciphertextBlob()).bytes(nonce);
        w.ensure(plain.length + AesGcm.TAG_BYTES);
        int at = w.position();
        byte[] aad = aad(groupArn);
        int written = AesGcm.seal(dk, nonce, aad, aad.length, null, 0, plain, 0, plain.length, w.array(), at);
        w.skip(written);
        return w.toByteArray();
    }

    static byte[] keyChange(String keyArn) {
        return new ByteWriter(64).u8(VERSION).u8(KIND_KEY_CHANGE).str16(keyArn == null ? "" : keyArn).toByteArray();
    }

    static byte[] groupDeleted() {
        return new ByteWriter(2).u8(VERSION).u8(KIND_GROUP_DELETED).toByteArray();
    }

    /** Parses a record (without decrypting); malformed input is an {@link EnvelopeException}. */
    static TransitRecord parse(byte[] record) {
        Objects.requireNonNull(record);
        ByteReader r = new ByteReader(record);
        if (r.u8() != VERSION) {
            throw new EnvelopeException();
        }
        int kind = r.u8();
        switch (kind) {
            case KIND_BATCH: {
                String keyArn = r.str16();
                byte[] wrapped = r.bytes16();
                byte[] nonce = r.bytes(AesGcm.NONCE_BYTES);
                int len = r.remaining();
                int at = r.skip(len);
                return new Batch(keyArn, wrapped, nonce, record, at, len);
            }
            case KIND_KEY_CHANGE: {
                String arn = r.str16();
                r.expectEnd();
                return new KeyChange(arn.isEmpty() ? null : arn);
            }
            case KIND_GROUP_DELETED:
                r.expectEnd();
                return new GroupDeleted();
            default:
                throw new EnvelopeException();
        }
    }
}
