package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lockstream.common.auth.Principal;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KmsKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Everything the KMS knows lives in {@code kms.keys}: a fresh KMS instance (new store, new service, same topic,
 * same root key file) has every key, material version, policy, alias, tag and state, and decrypts every
 * ciphertext made before. With another root key it refuses to start, with a clear error.
 */
class KmsPersistenceIT {
    private static final Principal ROOT = Principal.accountRoot(TestLockstream.ACCOUNT);

    @Test
    void a_restarted_kms_has_everything_and_decrypts_everything() {
        String policy = Policies.forAccount();
        String alias = "alias/" + TestLockstream.uniqueName("persist");
        Map<String, String> ctx = Map.of("aws:logs:arn", Policies.groupArn("persist"));
        byte[] v1;
        byte[] v2;
        byte[] dataKey;
        byte[] dataKeyBlob;
        String sym;
        String disabled;
        String pending;
        String signer;
        byte[] signature;
        String hmac;
        byte[] mac;
        try (KmsClient kms = TestLockstream.kms()) {
            sym = kms.createKey(b -> b.description("persisted").policy(policy)
                    .tags(Tag.builder().tagKey("team").tagValue("blue").build())).keyMetadata().arn();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(sym));
            v1 = kms.encrypt(b -> b.keyId(sym).plaintext(SdkBytes.fromUtf8String("one")).encryptionContext(ctx))
                    .ciphertextBlob().asByteArray();
            kms.enableKeyRotation(b -> b.keyId(sym).rotationPeriodInDays(180));
            kms.rotateKeyOnDemand(b -> b.keyId(sym));
            v2 = kms.encrypt(b -> b.keyId(alias).plaintext(SdkBytes.fromUtf8String("two")).encryptionContext(ctx))
                    .ciphertextBlob().asByteArray();
            var dk = kms.generateDataKey(b -> b.keyId(sym).keySpec(DataKeySpec.AES_256).encryptionContext(ctx));
            dataKey = dk.plaintext().asByteArray();
            dataKeyBlob = dk.ciphertextBlob().asByteArray();
            disabled = kms.createKey(b -> b.description("disabled")).keyMetadata().arn();
            kms.disableKey(b -> b.keyId(disabled));
            pending = kms.createKey(b -> b.description("pending")).keyMetadata().arn();
            kms.scheduleKeyDeletion(b -> b.keyId(pending).pendingWindowInDays(30));
            signer = kms.createKey(b -> b.keySpec("ECC_NIST_P384").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
            signature = kms.sign(b -> b.keyId(signer).message(SdkBytes.fromUtf8String("msg"))
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)).signature().asByteArray();
            hmac = kms.createKey(b -> b.keySpec("HMAC_384").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().arn();
            mac = kms.generateMac(b -> b.keyId(hmac).message(SdkBytes.fromUtf8String("msg"))
                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)).mac().asByteArray();
        }

        try (StandaloneKms restarted = StandaloneKms.start(Clock.systemUTC())) {
            var k = restarted.kms;
            await().atMost(Duration.ofSeconds(5)).until(() -> restarted.store.find(id(hmac)).isPresent());
            KmsKey key = k.describeKey(ROOT, alias);
            assertThat(key.arn()).isEqualTo(sym);
            assertThat(key.description()).isEqualTo("persisted");
            assertThat(key.policy()).isEqualTo(policy);
            assertThat(key.tags()).containsExactly(Map.entry("team", "blue"));
            assertThat(key.materials()).hasSize(2);
            assertThat(key.rotation().enabled()).isTrue();
            assertThat(key.rotation().periodInDays()).isEqualTo(180);
            assertThat(k.crypto().decrypt(ROOT, v1, ctx, null, null).plaintext()).isEqualTo("one".getBytes());
            assertThat(k.crypto().decrypt(ROOT, v2, ctx, alias, null).plaintext()).isEqualTo("two".getBytes());
            assertThat(k.crypto().decrypt(ROOT, dataKeyBlob, ctx, sym, null).plaintext()).isEqualTo(dataKey);
            assertThat(k.describeKey(ROOT, disabled).keyState()).isEqualTo(KmsKey.DISABLED);
            assertThat(k.describeKey(ROOT, pending).keyState()).isEqualTo(KmsKey.PENDING_DELETION);
            assertThat(k.describeKey(ROOT, pending).deletionDate()).isNotNull();
            assertThat(k.crypto().verify(ROOT, signer, "msg".getBytes(), false, "ECDSA_SHA_384", signature).valid())
                    .isTrue();
            assertThat(k.crypto().verifyMac(ROOT, hmac, "msg".getBytes(), "HMAC_SHA_384", mac).valid()).isTrue();
            assertThat(k.aliases().listAliases(ROOT, sym)).extracting(a -> a.aliasName()).containsExactly(alias);
        }
    }

    @Test
    void a_wrong_root_key_fails_closed_at_start() {
        try (KmsClient kms = TestLockstream.kms()) {
            kms.createKey(b -> b.description("wrapped under the real root key"));
        }
        RootKey wrong = RootKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> StandaloneKms.start(Clock.systemUTC(), wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong root key")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(new byte[32]));
    }

    private static String id(String arn) {
        return arn.substring(arn.indexOf('/') + 1);
    }
}
