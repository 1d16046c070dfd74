package io.lockstream.common.metrics;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key-service seam, counted and timed: {@code lockstream_kms_calls_total{operation,outcome}} and
 * {@code lockstream_kms_call_duration_seconds}, outcome {@code ok} or the AWS error type. Every KMS call of
 * the pipeline (ingest, encryptor, query) goes through one of these. Key ids and contexts are never tags.
 */
public final class MeteredKeyService implements KeyService {
    private final KeyService delegate;
    private final LockstreamMetrics metrics;

    public MeteredKeyService(KeyService delegate, LockstreamMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        return metered(LockstreamMetrics.KMS_GENERATE_DATA_KEY, () -> delegate.generateDataKey(keyId, encryptionContext));
    }

    @Override
    public DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        return metered(LockstreamMetrics.KMS_DECRYPT,
                () -> delegate.decryptDataKey(keyId, ciphertextBlob, encryptionContext));
    }

    @Override
    public KeyDescription describeKey(String keyId) {
        return metered(LockstreamMetrics.KMS_DESCRIBE_KEY, () -> delegate.describeKey(keyId));
    }

    private <T> T metered(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = LockstreamMetrics.OUTCOME_INTERNAL;
        try {
            T result = call.get();
            outcome = LockstreamMetrics.OUTCOME_OK;
            return result;
        } catch (AwsException e) {
            outcome = e.type();
            throw e;
        } finally {
            metrics.kmsCall(operation, outcome, System.nanoTime() - start);
        }
    }
}
