package io.lockstream.kms.store;

import io.lockstream.common.aws.Json;

/**
 * An alias as stored in the compacted {@code kms.keys} topic, under its own record key (the alias name,
 * which always starts with {@code alias/} and so never collides with a key id). One record per alias makes
 * UpdateAlias a single atomic write.
 *
 * @param aliasName {@code alias/NAME}
 * @param targetKeyId the key id it points to
 * @param creationDate epoch seconds
 * @param lastUpdatedDate epoch seconds
 */
public record KmsAlias(String aliasName, String targetKeyId, double creationDate, double lastUpdatedDate) {

    public KmsAlias retarget(String newTarget, double now) {
        return new KmsAlias(aliasName, newTarget, creationDate, now);
    }

    public byte[] toBytes() {
        return Json.bytes(this);
    }
}
