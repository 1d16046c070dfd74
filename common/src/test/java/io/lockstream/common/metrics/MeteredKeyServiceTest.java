package io.lockstream.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every call through the seam is counted and timed by operation and outcome; nothing about the key is a tag. */
class MeteredKeyServiceTest {
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final Map<String, String> CONTEXT =
            Map.of("aws:logs:arn", "arn:aws:logs:us-west-2:123456789012:log-group:secret-group-name");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LockstreamMetrics metrics = new LockstreamMetrics(registry);

    private final KeyService keys = new KeyService() {
        @Override
        public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
            return new DataKey(new byte[32], new byte[] {1}, keyId);
        }

        @Override
        public DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
            throw AwsException.accessDenied("no");
        }

        @Override
        public KeyDescription describeKey(String keyId) {
            throw new IllegalStateException("connection reset");
        }
    };

    private double calls(String operation, String outcome) {
        var c = registry.find(LockstreamMetrics.KMS_CALLS).tag(LockstreamMetrics.TAG_OPERATION, operation)
                .tag(LockstreamMetrics.TAG_OUTCOME, outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void counts_and_times_calls_by_operation_and_outcome() {
        MeteredKeyService metered = new MeteredKeyService(keys, metrics);
        metered.generateDataKey(KEY, CONTEXT);
        metered.generateDataKey(KEY, CONTEXT);
        assertThatThrownBy(() -> metered.decryptDataKey(KEY, new byte[] {1}, CONTEXT))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> metered.describeKey(KEY)).isInstanceOf(IllegalStateException.class);

        assertThat(calls(LockstreamMetrics.KMS_GENERATE_DATA_KEY, LockstreamMetrics.OUTCOME_OK)).isEqualTo(2);
        assertThat(calls(LockstreamMetrics.KMS_DECRYPT, "AccessDeniedException")).isEqualTo(1);
        assertThat(calls(LockstreamMetrics.KMS_DESCRIBE_KEY, LockstreamMetrics.OUTCOME_INTERNAL)).isEqualTo(1);
        assertThat(metrics.kmsCalls()).isEqualTo(4);
        assertThat(registry.find(LockstreamMetrics.KMS_CALL_DURATION)
                .tag(LockstreamMetrics.TAG_OPERATION, LockstreamMetrics.KMS_GENERATE_DATA_KEY).timer().count())
                .isEqualTo(2);
    }

    @Test
    void no_key_arn_or_context_becomes_a_tag() {
        MeteredKeyService metered = new MeteredKeyService(keys, metrics);
        metered.generateDataKey(KEY, CONTEXT);
        for (Meter m : registry.getMeters()) {
            m.getId().getTags().forEach(t -> assertThat(t.getValue()).doesNotContain("arn:", "secret-group-name"));
        }
    }
}
