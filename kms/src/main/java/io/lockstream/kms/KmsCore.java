package io.lockstream.kms;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.kms.authz.KeyAuthorizer;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KeyStore;
import io.lockstream.kms.store.KmsKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every part of the key service shares: where it lives, the store, the root key, the authoriser, the
 * clock, identifier resolution and the cache of unwrapped material (dropped when a key is deleted).
 */
final class KmsCore {
    static final SecureRandom RANDOM = new SecureRandom();

    final Site site;
    final KeyStore store;
    final RootKey rootKey;
    final KeyAuthorizer authorizer;
    final Clock clock;
    final KeyResolver resolver;
    private final Map<String, byte[]> materials = new ConcurrentHashMap<>();

    KmsCore(Site site, KeyStore store, RootKey rootKey, KeyAuthorizer authorizer, Clock clock) {
        this.site = site;
        this.store = store;
        this.rootKey = rootKey;
        this.authorizer = authorizer;
        this.clock = clock;
        this.resolver = new KeyResolver(site, store);
        store.onChange((keyId, key) -> {
            if (key == null) {
                materials.keySet().removeIf(k -> k.startsWith(keyId + "#"));
            }
        });
    }

    /** Epoch seconds, as KMS dates are on the wire. */
    double now() {
        return clock.millis() / 1000.0;
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A material version of a key, unwrapped by the root key; fails closed if the root key is wrong. */
    byte[] secret(KmsKey key, KmsKey.Material m) {
        return materials.computeIfAbsent(key.keyId() + "#" + m.version(), k -> unwrap(key, m));
    }

    /** Asymmetric private keys are unwrapped per use and not cached. */
    byte[] privateKey(KmsKey key) {
        return unwrap(key, key.currentMaterial());
    }

    private byte[] unwrap(KmsKey key, KmsKey.Material m) {
        try {
            return rootKey.unwrap(key.keyId(), m.version(), m.wrapped());
        } catch (IllegalStateException e) {
            throw AwsException.serviceUnavailable("KMSInternalException",
                    "The key material of " + key.arn() + " cannot be unwrapped with the configured root key.");
        }
    }

    KmsKey.Material wrap(String keyId, int version, byte[] secret) {
        return new KmsKey.Material(version, rootKey.wrap(keyId, version, secret));
    }
}
