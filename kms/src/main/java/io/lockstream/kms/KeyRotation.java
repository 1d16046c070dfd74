package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsKey;
import java.util.Map;

/**
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand. Rotation adds a material
 * version; the blob carries its version, so every older version keeps decrypting (KMS-DG rotate-keys.md).
 * Only symmetric encryption keys rotate; other specs are UnsupportedOperationException.
 */
public final class KeyRotation {
    private static final int DEFAULT_PERIOD = 365;

    private final KmsCore core;

    KeyRotation(KmsCore core) {
        this.core = core;
    }

    /** EnableKeyRotation: RotationPeriodInDays 90–2560, default 365 (API reference). */
    public void enableKeyRotation(Principal caller, String keyId, Integer periodInDays) {
        int period = periodInDays == null ? DEFAULT_PERIOD : periodInDays;
        if (period < 90 || period > 2560) {
            throw AwsException.validation("1 validation error detected: Value '" + period + "' at "
                    + "'rotationPeriodInDays' failed to satisfy constraint: Member must have value between 90 and 2560");
        }
        KmsKey key = rotatable(caller, keyId, "kms:EnableKeyRotation");
        KmsKey.Rotation old = key.rotation();
        core.store.put(key.withRotation(new KmsKey.Rotation(true, period, core.now() + period * 86400.0,
                old == null ? null : old.onDemandRotationStartDate())));
    }

    public void disableKeyRotation(Principal caller, String keyId) {
        KmsKey key = rotatable(caller, keyId, "kms:DisableKeyRotation");
        KmsKey.Rotation old = key.rotation();
        core.store.put(key.withRotation(new KmsKey.Rotation(false, old == null ? DEFAULT_PERIOD : old.periodInDays(),
                null, old == null ? null : old.onDemandRotationStartDate())));
    }

    /** GetKeyRotationStatus: any key state. */
    public KmsKey getKeyRotationStatus(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:GetKeyRotationStatus", key, Map.of());
        if (!key.symmetricEncryption()) {
            throw unsupported(key);
        }
        return key;
    }

    /** RotateKeyOnDemand: a new material version now, whether or not automatic rotation is on. */
    public KmsKey rotateKeyOnDemand(Principal caller, String keyId) {
        KmsKey key = rotatable(caller, keyId, "kms:RotateKeyOnDemand");
        KmsKey.Rotation r = key.rotation();
        KmsKey.Rotation next = r == null ? new KmsKey.Rotation(false, DEFAULT_PERIOD, null, core.now())
                : new KmsKey.Rotation(r.enabled(), r.periodInDays(), r.nextRotationDate(), core.now());
        KmsKey rotated = addVersion(key, KmsCore.random(32), next);
        core.store.put(rotated);
        return rotated;
    }

    /**
     * A scheduled rotation that is due. Its material is derived from the root key, the key id and the new
     * version, so two instances rotating the same key at once write the same material.
     */
    void rotateIfDue(KmsKey key) {
        KmsKey.Rotation r = key.rotation();
        if (r == null || !r.enabled() || r.nextRotationDate() == null || r.nextRotationDate() > core.now()
                || !KmsKey.ENABLED.equals(key.keyState())) {
            return;
        }
        int version = key.currentMaterial().version() + 1;
        byte[] material = core.rootKey.derive("scheduled-rotation/" + key.keyId() + "/" + version);
        core.store.put(addVersion(key, material, new KmsKey.Rotation(true, r.periodInDays(),
                r.nextRotationDate() + r.periodInDays() * 86400.0, r.onDemandRotationStartDate())));
    }

    private KmsKey addVersion(KmsKey key, byte[] material, KmsKey.Rotation rotation) {
        int version = key.currentMaterial().version() + 1;
        return key.withMaterial(core.wrap(key.keyId(), version, material), rotation);
    }

    private KmsKey rotatable(Principal caller, String keyId, String action) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, action, key, Map.of());
        KmsService.requireCustomerManaged(key, action.substring(4));
        KeyStates.requireEnabledForManagement(key);
        if (!key.symmetricEncryption()) {
            throw unsupported(key);
        }
        return key;
    }

    private static AwsException unsupported(KmsKey key) {
        return new AwsException("UnsupportedOperationException", key.arn() + " key spec " + key.keySpec()
                + " does not support key rotation.");
    }
}
