package io.lockstream.server.it;

import static io.lockstream.server.it.KmsAssertions.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.store.KmsKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * ScheduleKeyDeletion really deletes when due, and automatic rotation really rotates: a KMS instance with a
 * clock the test moves runs the scheduler's {@code runDue()}; the shared server, another instance following
 * the same topic, sees the result.
 */
class KmsKeyDeletionIT {
    private static final Principal ROOT = Principal.accountRoot(TestLockstream.ACCOUNT);
    private static MutableClock clock;
    private static StandaloneKms instance;
    private static KmsClient sdk;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        instance = StandaloneKms.start(clock);
        sdk = TestLockstream.kms();
    }

    @AfterAll
    static void stop() {
        instance.close();
        sdk.close();
    }

    @Test
    void a_key_is_deleted_once_its_deletion_date_passes_and_then_nothing_finds_it() {
        String key = sdk.createKey(b -> b.description("to delete")).keyMetadata().arn();
        String alias = "alias/" + TestLockstream.uniqueName("deleted");
        sdk.createAlias(b -> b.aliasName(alias).targetKeyId(key));
        SdkBytes blob = sdk.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("gone"))
                .encryptionContext(Map.of("k", "v"))).ciphertextBlob();
        await().atMost(Duration.ofSeconds(5)).until(() -> instance.store.find(id(key)).isPresent());
        KmsKey pending = instance.kms.scheduleKeyDeletion(ROOT, key, 7);
        assertThat(pending.deletionDate()).isEqualTo(clock.millis() / 1000.0 + 7 * 86400.0);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        instance.kms.deletions().runDue();
        assertThat(instance.store.find(id(key))).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                sdk.describeKey(b -> b.keyId(key)).keyMetadata().keyState() == KeyState.PENDING_DELETION);

        clock.advance(Duration.ofSeconds(2));
        assertThat(instance.kms.deletions().runDue()).isGreaterThanOrEqualTo(1);
        assertThat(instance.store.find(id(key))).isEmpty();
        assertThat(instance.store.findAlias(alias)).isEmpty();

        // The other instance (the server) sees the tombstone: NotFound for every operation on the key.
        String notFound = "Key '" + key + "' does not exist";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                error("NotFoundException", notFound, () -> sdk.describeKey(b -> b.keyId(key))));
        error("NotFoundException", notFound, () -> sdk.encrypt(b -> b.keyId(key)
                .plaintext(SdkBytes.fromUtf8String("x"))));
        error("NotFoundException", notFound, () -> sdk.getKeyPolicy(b -> b.keyId(key).policyName("default")));
        error("NotFoundException", notFound, () -> sdk.enableKey(b -> b.keyId(key)));
        error("NotFoundException", notFound, () -> sdk.cancelKeyDeletion(b -> b.keyId(key)));
        error("NotFoundException", notFound, () -> sdk.decrypt(b -> b.ciphertextBlob(blob).keyId(key)
                .encryptionContext(Map.of("k", "v"))));
        error("NotFoundException", () -> sdk.describeKey(b -> b.keyId(alias)));
        // Its ciphertexts no longer decrypt (the key in the blob is gone; AWS's wording for an unknown key).
        error("AccessDeniedException", "The ciphertext refers to a customer master key that does not exist, does not "
                + "exist in this region, or you are not allowed to access.",
                () -> sdk.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("k", "v"))));
        try {
            instance.kms.crypto().decrypt(ROOT, blob.asByteArray(), Map.of("k", "v"), null, null);
            throw new AssertionError("decrypted a deleted key's ciphertext");
        } catch (AwsException e) {
            assertThat(e.type()).isEqualTo("AccessDeniedException");
        }
    }

    @Test
    void a_cancelled_deletion_is_not_carried_out() {
        String key = instance.kms.createKey(ROOT, new KmsService.NewKey("kept", null, null, null, Map.of(), false)).arn();
        instance.kms.scheduleKeyDeletion(ROOT, key, 7);
        instance.kms.cancelKeyDeletion(ROOT, key);
        clock.advance(Duration.ofDays(31));
        instance.kms.deletions().runDue();
        assertThat(instance.kms.describeKey(ROOT, key).keyState()).isEqualTo(KmsKey.DISABLED);
    }

    @Test
    void automatic_rotation_happens_when_due_and_old_ciphertexts_still_decrypt() {
        String key = instance.kms.createKey(ROOT, new KmsService.NewKey("rotating", null, null, null, Map.of(), false))
                .arn();
        byte[] before = instance.kms.crypto().encrypt(ROOT, key, "v1".getBytes(), Map.of(), null).ciphertextBlob();
        instance.kms.rotation().enableKeyRotation(ROOT, key, 90);
        clock.advance(Duration.ofDays(89));
        instance.kms.deletions().runDue();
        assertThat(instance.kms.describeKey(ROOT, key).materials()).hasSize(1);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        instance.kms.deletions().runDue();
        KmsKey rotated = instance.kms.describeKey(ROOT, key);
        assertThat(rotated.materials()).hasSize(2);
        assertThat(rotated.rotation().nextRotationDate()).isGreaterThan(clock.millis() / 1000.0 + 89 * 86400.0);
        assertThat(instance.kms.crypto().decrypt(ROOT, before, Map.of(), null, null).plaintext()).isEqualTo("v1".getBytes());
        // The server decrypts the old version and encrypts under the new one.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sdk.decrypt(b -> b.ciphertextBlob(
                SdkBytes.fromByteArray(before))).plaintext().asUtf8String()).isEqualTo("v1"));
    }

    private static String id(String arn) {
        return arn.substring(arn.indexOf('/') + 1);
    }
}
