package io.lockstream.server;

import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts the pipeline's calls to the key service (for the bench harness: KMS calls per million events). */
final class CountingKeyService implements KeyService {
    private final KeyService delegate;
    private final LongAdder calls = new LongAdder();

    CountingKeyService(KeyService delegate) {
        this.delegate = delegate;
    }

    long calls() {
        return calls.sum();
    }

    @Override
    public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        calls.increment();
        return delegate.generateDataKey(keyId, encryptionContext);
    }

    @Override
    public DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        calls.increment();
        return delegate.decryptDataKey(keyId, ciphertextBlob, encryptionContext);
    }

    @Override
    public KeyDescription describeKey(String keyId) {
        calls.increment();
        return delegate.describeKey(keyId);
    }
}
