package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.util.Map;

/**
 * The key-service seam served in process by Lockstream's own KMS, acting as one fixed principal (the logs
 * service principal): no network hop, but exactly the same authorisation, state and context checks as
 * the HTTP API.
 */
public final class LocalKeyService implements KeyService {
    private final KmsService kms;
    private final Principal principal;

    public LocalKeyService(KmsService kms, Principal principal) {
        this.kms = kms;
        this.principal = principal;
    }

    @Override
    public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        KeyCrypto.CryptoResult r = kms.crypto().generateDataKey(principal, keyId, 32, encryptionContext, true);
        return new DataKey(r.plaintext(), r.ciphertextBlob(), r.keyArn());
    }

    @Override
    public DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        KeyCrypto.CryptoResult r = kms.crypto().decrypt(principal, ciphertextBlob, encryptionContext, keyId, null);
        return new DataKey(r.plaintext(), ciphertextBlob, r.keyArn());
    }

    @Override
    public KeyDescription describeKey(String keyId) {
        var key = kms.describeKey(principal, keyId);
        return new KeyDescription(key.arn(), key.keyState(), key.symmetricEncryption());
    }
}
