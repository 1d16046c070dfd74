package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the {@link KeyService} seam must have, whichever KMS is behind it:
 * data keys bound to their encryption context, the key named by the caller, key state and key policy decided
 * by the KMS at call time, AWS's error codes. Subclasses supply the implementation and a way to set up keys.
 */
abstract class KeyServiceContract {

    /** The implementation under test, acting as the logs service principal. */
    protected abstract KeyService keyService();

    /** Creates a key with {@code policy} (as the account root) and returns its ARN. */
    protected abstract String createKey(String policy);

    /** Disables a key (as the account root). */
    protected abstract void disableKey(String keyArn);

    /** Creates an asymmetric signing key with {@code policy} (as the account root) and returns its ARN. */
    protected abstract String createSigningKey(String policy);

    /** {@code policy} plus a statement letting the logs service principal DescribeKey without any context. */
    static String describable(String policy) {
        return policy.substring(0, policy.length() - 2) + ",{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs."
                + TestLockstream.REGION + ".amazonaws.com\"},\"Action\":\"kms:DescribeKey\",\"Resource\":\"*\"}]}";
    }

    private static Map<String, String> context(String group) {
        return Map.of("aws:logs:arn", Policies.groupArn(group));
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (AwsException e) {
            return e.type();
        }
        throw new AssertionError("expected an AwsException");
    }

    @Test
    void generated_data_keys_decrypt_with_the_same_context() {
        String key = createKey(Policies.forAccount());
        Map<String, String> ctx = context("contract-a");
        DataKey dk = keyService().generateDataKey(key, ctx);
        assertThat(dk.keyArn()).isEqualTo(key);
        assertThat(dk.getEncoded()).hasSize(32);
        DataKey back = keyService().decryptDataKey(key, dk.ciphertextBlob(), ctx);
        assertThat(back.getEncoded()).isEqualTo(dk.getEncoded());
        assertThat(back.keyArn()).isEqualTo(key);
        assertThat(keyService().generateDataKey(key, ctx).getEncoded()).isNotEqualTo(dk.getEncoded());
    }

    @Test
    void a_different_context_is_invalid_ciphertext() {
        String key = createKey(Policies.forAccount());
        DataKey dk = keyService().generateDataKey(key, context("contract-b"));
        assertThat(code(() -> keyService().decryptDataKey(key, dk.ciphertextBlob(), context("contract-c"))))
                .isEqualTo("InvalidCiphertextException");
    }

    @Test
    void naming_another_key_is_incorrect_key() {
        String key = createKey(Policies.forAccount());
        String other = createKey(Policies.forAccount());
        Map<String, String> ctx = context("contract-d");
        DataKey dk = keyService().generateDataKey(key, ctx);
        assertThat(code(() -> keyService().decryptDataKey(other, dk.ciphertextBlob(), ctx)))
                .isEqualTo("IncorrectKeyException");
    }

    @Test
    void a_disabled_key_is_disabled_for_both_directions() {
        String key = createKey(describable(Policies.forAccount()));
        Map<String, String> ctx = context("contract-e");
        DataKey dk = keyService().generateDataKey(key, ctx);
        disableKey(key);
        assertThat(code(() -> keyService().generateDataKey(key, ctx))).isEqualTo("DisabledException");
        assertThat(code(() -> keyService().decryptDataKey(key, dk.ciphertextBlob(), ctx))).isEqualTo("DisabledException");
        KeyService.KeyDescription d = keyService().describeKey(key);
        assertThat(d.keyState()).isEqualTo("Disabled");
    }

    @Test
    void the_key_policy_decides_access_denied() {
        String group = TestLockstream.uniqueName("contract-f");
        String key = createKey(Policies.forGroup(Policies.groupArn(group)));
        DataKey dk = keyService().generateDataKey(key, context(group));
        assertThat(code(() -> keyService().generateDataKey(key, context("contract-other"))))
                .isEqualTo("AccessDeniedException");
        assertThat(code(() -> keyService().decryptDataKey(key, dk.ciphertextBlob(), context("contract-other"))))
                .isEqualTo("AccessDeniedException");
        String noLogs = createKey(null);
        assertThat(code(() -> keyService().generateDataKey(noLogs, context(group))))
                .isEqualTo("AccessDeniedException");
    }

    @Test
    void describe_reports_arn_state_and_whether_the_key_is_symmetric() {
        String key = createKey(describable(Policies.forAccount()));
        KeyService.KeyDescription d = keyService().describeKey(key);
        assertThat(d.arn()).isEqualTo(key);
        assertThat(d.keyState()).isEqualTo("Enabled");
        assertThat(d.symmetricEncryption()).isTrue();
        String id = key.substring(key.indexOf('/') + 1);
        assertThat(keyService().describeKey(id).arn()).isEqualTo(key);
        assertThat(keyService().describeKey(createSigningKey(describable(Policies.forAccount()))).symmetricEncryption()).isFalse();
        assertThat(code(() -> keyService().describeKey("11111111-2222-3333-4444-555555555555")))
                .isEqualTo("NotFoundException");
    }
}
