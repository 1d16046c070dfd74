package io.lockstream.encryptor;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key service for encryptor unit tests, where what matters is which key ARN is asked for, not wrapping:
 * the "wrapped" data key is the key itself. Keys in {@link #refused} are refused as disabled. The real KMS
 * is exercised by the integration tests.
 */
final class PassThroughKeys implements KeyService {
    /** Key ARNs refused with {@code DisabledException}. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    @Override
    public DataKey generateDataKey(String keyId, Map<String, String> context) {
        if (refused.contains(keyId)) {
            throw new AwsException("DisabledException", keyId + " is disabled.");
        }
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new DataKey(k, k.clone(), keyId);
    }

    @Override
    public DataKey decryptDataKey(String keyId, byte[] blob, Map<String, String> context) {
        return new DataKey(blob.clone(), blob, keyId);
    }

    @Override
    public KeyDescription describeKey(String keyId) {
        return new KeyDescription(keyId, "Enabled", true);
    }
}
