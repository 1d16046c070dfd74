package io.lockstream.server.it;

import static io.lockstream.server.it.KmsAssertions.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Every TrentService operation Lockstream implements, through the AWS SDK for Java v2 {@link KmsClient}, with
 * the validation rules and errors of aws-wire.md §4 and Appendix A, the key-state table (§4.3) and the
 * seed's key-policy facts acted out by the CloudWatch Logs service principal.
 */
class KmsApiIT {
    private static final String ACCOUNT = TestLockstream.ACCOUNT;
    private static final String REGION = TestLockstream.REGION;
    private static KmsClient kms;
    private static KmsClient alice;
    private static KmsClient admin;
    private static KmsClient logsService;

    @BeforeAll
    static void clients() {
        kms = TestLockstream.kms();
        alice = TestLockstream.kms("alice", "alice-secret");
        admin = TestLockstream.kms("keyadmin", "keyadmin-secret");
        logsService = TestLockstream.kms(TestLockstream.LOGS_ACCESS_KEY, TestLockstream.LOGS_SECRET);
    }

    @AfterAll
    static void close() {
        kms.close();
        alice.close();
        admin.close();
        logsService.close();
    }

    private static String newKey() {
        return kms.createKey(b -> b.description("api-it")).keyMetadata().arn();
    }

    private static SdkBytes bytes(String s) {
        return SdkBytes.fromUtf8String(s);
    }

    // ---- CreateKey / DescribeKey / UpdateKeyDescription / ListKeys -------------------------------------------

    @Test
    void create_key_symmetric_prints_aws_metadata_with_tags_and_description() {
        KeyMetadata md = kms.createKey(b -> b.description("d1").tags(Tag.builder().tagKey("team").tagValue("x")
                .build())).keyMetadata();
        assertThat(md.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(md.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(md.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(md.signingAlgorithms()).isEmpty();
        assertThat(md.description()).isEqualTo("d1");
        assertThat(kms.listResourceTags(b -> b.keyId(md.keyId())).tags())
                .containsExactly(Tag.builder().tagKey("team").tagValue("x").build());
        kms.updateKeyDescription(b -> b.keyId(md.keyId()).description("d2"));
        assertThat(kms.describeKey(b -> b.keyId(md.arn())).keyMetadata().description()).isEqualTo("d2");
        error("ValidationException", () -> kms.updateKeyDescription(b -> b.keyId(md.keyId())
                .description("x".repeat(8193))));
    }

    @Test
    void create_key_every_supported_spec_with_its_algorithms() {
        record Case(String spec, String usage, List<String> enc, List<String> sign, List<String> mac) {
        }
        List<String> rsaSign = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512");
        List<String> oaep = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
        List<Case> cases = List.of(
                new Case("RSA_2048", "ENCRYPT_DECRYPT", oaep, List.of(), List.of()),
                new Case("RSA_3072", "SIGN_VERIFY", List.of(), rsaSign, List.of()),
                new Case("RSA_4096", "SIGN_VERIFY", List.of(), rsaSign, List.of()),
                new Case("ECC_NIST_P256", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_256"), List.of()),
                new Case("ECC_NIST_P384", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_384"), List.of()),
                new Case("ECC_NIST_P521", "SIGN_VERIFY", List.of(), List.of("ECDSA_SHA_512"), List.of()),
                new Case("HMAC_224", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_224")),
                new Case("HMAC_256", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_256")),
                new Case("HMAC_512", "GENERATE_VERIFY_MAC", List.of(), List.of(), List.of("HMAC_SHA_512")));
        for (Case c : cases) {
            KeyMetadata md = kms.createKey(b -> b.keySpec(c.spec()).keyUsage(c.usage())).keyMetadata();
            assertThat(md.keySpecAsString()).as(c.spec()).isEqualTo(c.spec());
            assertThat(md.customerMasterKeySpecAsString()).isEqualTo(c.spec());
            assertThat(md.keyUsageAsString()).isEqualTo(c.usage());
            assertThat(md.encryptionAlgorithmsAsStrings()).as(c.spec()).isEqualTo(c.enc());
            assertThat(md.signingAlgorithmsAsStrings()).as(c.spec()).isEqualTo(c.sign());
            assertThat(md.macAlgorithmsAsStrings()).as(c.spec()).isEqualTo(c.mac());
        }
        // CustomerMasterKeySpec, the deprecated synonym, still works.
        assertThat(kms.createKey(b -> b.customerMasterKeySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY"))
                .keyMetadata().keySpecAsString()).isEqualTo("ECC_NIST_P256");
    }

    @Test
    void create_key_validation_errors_as_aws_words_them() {
        // LS snapshot (aws-wire.md §4.2): a KeyUsage is needed for everything but symmetric encryption keys.
        error("ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric "
                + "encryption keys.", () -> kms.createKey(b -> b.keySpec("HMAC_256")));
        error("ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric "
                + "encryption keys.", () -> kms.createKey(b -> b.keySpec("RSA_2048")));
        assertThat(error("ValidationException", () -> kms.createKey(b -> b.keySpec("AES_999"))))
                .startsWith("1 validation error detected: Value 'AES_999' at 'keySpec' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [");
        assertThat(error("ValidationException", () -> kms.createKey(b -> b.keyUsage("SIGN_EVERYTHING"))))
                .contains("at 'keyUsage'");
        error("ValidationException", "KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256",
                () -> kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("ENCRYPT_DECRYPT")));
        error("ValidationException", "KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT",
                () -> kms.createKey(b -> b.keyUsage("SIGN_VERIFY")));
        error("ValidationException", "KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec HMAC_256",
                () -> kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("ENCRYPT_DECRYPT")));
        error("UnsupportedOperationException", () -> kms.createKey(b -> b.origin("EXTERNAL")));
        error("ValidationException", () -> kms.createKey(b -> b.description("x".repeat(8193))));
    }

    @Test
    void tag_rules_on_create_and_tag_resource() {
        Tag t1 = Tag.builder().tagKey("k").tagValue("1").build();
        Tag t2 = Tag.builder().tagKey("k").tagValue("2").build();
        error("TagException", "Duplicate tag keys", () -> kms.createKey(b -> b.tags(t1, t2)));
        error("TagException", "Tags beginning with aws: are reserved",
                () -> kms.createKey(b -> b.tags(Tag.builder().tagKey("aws:x").tagValue("v").build())));
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().tagKey("k" + i).tagValue("v").build());
        }
        error("TagException", "Too many tags", () -> kms.createKey(b -> b.tags(many)));
        assertThat(error("ValidationException", () -> kms.createKey(b -> b.tags(
                Tag.builder().tagKey("k").tagValue("v".repeat(257)).build()))))
                .contains("at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 256");
        assertThat(error("ValidationException", () -> kms.createKey(b -> b.tags(
                Tag.builder().tagKey("k".repeat(129)).tagValue("v").build()))))
                .contains("at 'tags.1.member.tagKey'");

        String key = newKey();
        kms.tagResource(b -> b.keyId(key).tags(Tag.builder().tagKey("b").tagValue("2").build(),
                Tag.builder().tagKey("a").tagValue("1").build()));
        kms.tagResource(b -> b.keyId(key).tags(Tag.builder().tagKey("a").tagValue("3").build()));
        var page1 = kms.listResourceTags(b -> b.keyId(key).limit(1));
        assertThat(page1.tags()).containsExactly(Tag.builder().tagKey("a").tagValue("3").build());
        assertThat(page1.truncated()).isTrue();
        var page2 = kms.listResourceTags(b -> b.keyId(key).marker(page1.nextMarker()));
        assertThat(page2.tags()).containsExactly(Tag.builder().tagKey("b").tagValue("2").build());
        assertThat(page2.truncated()).isFalse();
        kms.untagResource(b -> b.keyId(key).tagKeys("a", "absent"));
        assertThat(kms.listResourceTags(b -> b.keyId(key)).tags()).extracting(Tag::tagKey).containsExactly("b");
        error("TagException", "Tags beginning with aws: are reserved", () -> kms.tagResource(b -> b.keyId(key)
                .tags(Tag.builder().tagKey("AWS:x").tagValue("v").build())));
        error("InvalidMarkerException", () -> kms.listResourceTags(b -> b.keyId(key).marker("%%%")));
    }

    @Test
    void list_keys_pages_through_every_key() {
        newKey();
        newKey();
        ListKeysResponse first = kms.listKeys(b -> b.limit(1));
        assertThat(first.keys()).hasSize(1);
        assertThat(first.truncated()).isTrue();
        Set<String> seen = new HashSet<>();
        kms.listKeysPaginator(b -> b.limit(2)).keys().forEach(k -> assertThat(seen.add(k.keyId())).isTrue());
        Set<String> all = new HashSet<>();
        kms.listKeys(b -> b.limit(1000)).keys().forEach(k -> all.add(k.keyId()));
        assertThat(seen).containsAll(all);
        error("ValidationException", () -> kms.listKeys(b -> b.limit(0)));
        error("ValidationException", () -> kms.listKeys(b -> b.limit(1001)));
        error("InvalidMarkerException", () -> kms.listKeys(b -> b.marker("not base64!")));
    }

    @Test
    void identifiers_that_do_not_resolve_are_not_found() {
        String id = "11111111-2222-3333-4444-555555555555";
        error("NotFoundException", "Key 'arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(id)));
        error("NotFoundException", "Invalid keyId 'nope'", () -> kms.describeKey(b -> b.keyId("nope")));
        error("NotFoundException", "Invalid arn eu-west-1",
                () -> kms.describeKey(b -> b.keyId("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + id)));
        error("NotFoundException", "Alias arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/none is not found.",
                () -> kms.describeKey(b -> b.keyId("alias/none")));
        error("NotFoundException", "No such policy exists",
                () -> kms.getKeyPolicy(b -> b.keyId(newKey()).policyName("other")));
    }

    // ---- Policies and authorisation --------------------------------------------------------------------------

    @Test
    void alice_without_identity_policy_cannot_set_up_keys_keyadmin_with_one_can() {
        assertThat(error("AccessDeniedException", () -> alice.createKey(b -> b.description("x"))))
                .contains(TestLockstream.USER_ARN).contains("kms:CreateKey");
        String key = newKey();
        assertThat(error("AccessDeniedException", () -> alice.getKeyPolicy(b -> b.keyId(key).policyName("default"))))
                .contains("kms:GetKeyPolicy");
        String policy = kms.getKeyPolicy(b -> b.keyId(key).policyName("default")).policy();
        assertThat(error("AccessDeniedException", () -> alice.putKeyPolicy(b -> b.keyId(key).policyName("default")
                .policy(policy)))).contains("kms:PutKeyPolicy");

        // keyadmin: root delegation in the default key policy + an identity policy with the three actions.
        String own = admin.createKey(b -> b.description("by keyadmin")).keyMetadata().arn();
        String p = admin.getKeyPolicy(b -> b.keyId(own).policyName("default")).policy();
        admin.putKeyPolicy(b -> b.keyId(own).policyName("default").policy(p));
        // ...but nothing its identity policy does not list.
        assertThat(error("AccessDeniedException", () -> admin.encrypt(b -> b.keyId(own).plaintext(bytes("x")))))
                .contains("kms:Encrypt");
    }

    @Test
    void policy_documents_are_validated_through_the_api() {
        String key = newKey();
        error("MalformedPolicyDocumentException", () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default")
                .policy("{not json")));
        error("MalformedPolicyDocumentException", () -> kms.createKey(b -> b.policy("{\"Version\":\"2012-10-17\"}")));
        String big = Policies.withLogsStatement(Policies.LOGS_ACTIONS, "{\"StringEquals\":{\"kms:EncryptionContext:x\":\""
                + "y".repeat(40_000) + "\"}}");
        error("LimitExceededException", () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(big)));

        // Lockout safety check (aws-wire.md §4.4): a policy that would stop the caller from PutKeyPolicy.
        String lockout = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + TestLockstream.USER_ARN + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        error("MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in "
                + "the future.", () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(lockout)));
        error("MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in "
                + "the future.", () -> kms.createKey(b -> b.policy(lockout)));
        // Bypassing it is allowed: the key then belongs to alice alone.
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(lockout).bypassPolicyLockoutSafetyCheck(true));
        error("AccessDeniedException", () -> kms.describeKey(b -> b.keyId(key)));
        assertThat(alice.describeKey(b -> b.keyId(key)).keyMetadata().arn()).isEqualTo(key);
        String created = kms.createKey(b -> b.policy(lockout).bypassPolicyLockoutSafetyCheck(true)).keyMetadata().arn();
        assertThat(alice.getKeyPolicy(b -> b.keyId(created).policyName("default")).policy()).isEqualTo(lockout);
    }

    @Test
    void arn_equals_policy_allows_the_one_log_group_and_no_other() {
        String group = Policies.groupArn(TestLockstream.uniqueName("g"));
        String other = Policies.groupArn(TestLockstream.uniqueName("g"));
        String key = kms.createKey(b -> b.policy(Policies.forGroup(group))).keyMetadata().arn();
        var dk = logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("aws:logs:arn", group)));
        assertThat(logsService.decrypt(b -> b.ciphertextBlob(dk.ciphertextBlob())
                .encryptionContext(Map.of("aws:logs:arn", group))).plaintext()).isEqualTo(dk.plaintext());
        assertThat(error("AccessDeniedException", () -> logsService.generateDataKey(b -> b.keyId(key)
                .keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("aws:logs:arn", other)))))
                .contains("kms:GenerateDataKey");
        error("AccessDeniedException", () -> logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)));
        error("AccessDeniedException", () -> logsService.decrypt(b -> b.ciphertextBlob(dk.ciphertextBlob())
                .encryptionContext(Map.of("aws:logs:arn", other))));
    }

    @Test
    void arn_like_policy_allows_every_group_of_the_account_and_none_of_another() {
        String key = kms.createKey(b -> b.policy(Policies.forAccount())).keyMetadata().arn();
        for (String g : List.of("a", "b/c", "x.y-z")) {
            logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(Map.of("aws:logs:arn", Policies.groupArn(g))));
        }
        error("AccessDeniedException", () -> logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("aws:logs:arn", "arn:aws:logs:" + REGION + ":210987654321:log-group:a"))));
        error("AccessDeniedException", () -> logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("aws:logs:arn", "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:a"))));
    }

    @Test
    void decrypt_star_only_policy_still_decrypts_but_no_longer_encrypts() {
        String group = Policies.groupArn(TestLockstream.uniqueName("cut"));
        Map<String, String> ctx = Map.of("aws:logs:arn", group);
        String key = kms.createKey(b -> b.policy(Policies.forGroup(group))).keyMetadata().arn();
        var dk = logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256).encryptionContext(ctx));
        var enc = logsService.encrypt(b -> b.keyId(key).plaintext(bytes("old")).encryptionContext(ctx));
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.withLogsStatement("\"kms:Decrypt*\"",
                "{\"ArnEquals\":{\"kms:EncryptionContext:aws:logs:arn\":\"" + group + "\"}}")));
        assertThat(logsService.decrypt(b -> b.ciphertextBlob(dk.ciphertextBlob()).encryptionContext(ctx)).plaintext())
                .isEqualTo(dk.plaintext());
        assertThat(logsService.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).encryptionContext(ctx)).plaintext()
                .asUtf8String()).isEqualTo("old");
        assertThat(error("AccessDeniedException", () -> logsService.generateDataKey(b -> b.keyId(key)
                .keySpec(DataKeySpec.AES_256).encryptionContext(ctx)))).contains("kms:GenerateDataKey");
        assertThat(error("AccessDeniedException", () -> logsService.encrypt(b -> b.keyId(key).plaintext(bytes("new"))
                .encryptionContext(ctx)))).contains("kms:Encrypt");
    }

    @Test
    void an_explicit_deny_beats_any_allow() {
        String group = Policies.groupArn(TestLockstream.uniqueName("deny"));
        Map<String, String> ctx = Map.of("aws:logs:arn", group);
        String allow = Policies.forGroup(group);
        String key = kms.createKey(b -> b.policy(allow)).keyMetadata().arn();
        var dk = logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256).encryptionContext(ctx));
        String withDeny = allow.substring(0, allow.length() - 2) + ",{\"Sid\":\"deny\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"Service\":\"logs." + REGION + ".amazonaws.com\"},\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\"}]}";
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(withDeny));
        assertThat(error("AccessDeniedException", () -> logsService.decrypt(b -> b.ciphertextBlob(dk.ciphertextBlob())
                .encryptionContext(ctx)))).contains("explicit deny");
        // The rest of the Allow still applies.
        logsService.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256).encryptionContext(ctx));
    }

    // ---- Symmetric crypto -------------------------------------------------------------------------------------

    @Test
    void encrypt_decrypt_and_data_key_rules() {
        String key = newKey();
        Map<String, String> ctx = Map.of("purpose", "test", "b", "2");
        var enc = kms.encrypt(b -> b.keyId(key).plaintext(bytes("hello")).encryptionContext(ctx));
        assertThat(enc.keyId()).isEqualTo(key);
        assertThat(enc.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        var dec = kms.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).encryptionContext(Map.of("b", "2",
                "purpose", "test")));
        assertThat(dec.plaintext().asUtf8String()).isEqualTo("hello");
        assertThat(dec.keyId()).isEqualTo(key);
        error("InvalidCiphertextException", "", () -> kms.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob())
                .encryptionContext(Map.of("purpose", "Test", "b", "2"))));
        error("InvalidCiphertextException", "", () -> kms.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob())));
        error("InvalidCiphertextException", "", () -> kms.decrypt(b -> b.ciphertextBlob(bytes("garbage-garbage"))));
        String other = newKey();
        error("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this "
                + "operation.", () -> kms.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).encryptionContext(ctx)
                .keyId(other)));
        error("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy "
                + "constraint: Member must have length less than or equal to 4096",
                () -> kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[4097]))));
        error("ValidationException", "Please specify either number of bytes or key spec.",
                () -> kms.generateDataKey(b -> b.keyId(key)));
        error("ValidationException", "Please specify either number of bytes or key spec.",
                () -> kms.generateDataKey(b -> b.keyId(key).numberOfBytes(32).keySpec(DataKeySpec.AES_256)));
        error("ValidationException", () -> kms.generateDataKey(b -> b.keyId(key).numberOfBytes(1025)));
        var dk = kms.generateDataKey(b -> b.keyId(key).numberOfBytes(64));
        assertThat(dk.plaintext().asByteArray()).hasSize(64);
        var noPlain = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key).keySpec(DataKeySpec.AES_128));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(noPlain.ciphertextBlob())).plaintext().asByteArray()).hasSize(16);
        error("DryRunOperationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x")).dryRun(true)));
    }

    @Test
    void re_encrypt_moves_a_ciphertext_and_needs_from_and_to_permissions() {
        String src = newKey();
        String dst = newKey();
        var enc = kms.encrypt(b -> b.keyId(src).plaintext(bytes("move me")).encryptionContext(Map.of("a", "1")));
        var re = kms.reEncrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).sourceEncryptionContext(Map.of("a", "1"))
                .destinationKeyId(dst).destinationEncryptionContext(Map.of("b", "2")));
        assertThat(re.sourceKeyId()).isEqualTo(src);
        assertThat(re.keyId()).isEqualTo(dst);
        assertThat(re.sourceEncryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(kms.decrypt(b -> b.ciphertextBlob(re.ciphertextBlob()).encryptionContext(Map.of("b", "2")))
                .plaintext().asUtf8String()).isEqualTo("move me");
        error("InvalidCiphertextException", "", () -> kms.reEncrypt(b -> b.ciphertextBlob(enc.ciphertextBlob())
                .destinationKeyId(dst)));

        // alice may ReEncryptFrom src2 and Encrypt on dst2, but not ReEncryptTo dst2.
        String allowAlice = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + TestLockstream.USER_ARN + "\"},\"Action\":%s,\"Resource\":\"*\"}]}";
        String src2 = kms.createKey(b -> b.policy(allowAlice.formatted("[\"kms:ReEncryptFrom\",\"kms:Encrypt\"]")))
                .keyMetadata().arn();
        String dst2 = kms.createKey(b -> b.policy(allowAlice.formatted("\"kms:Encrypt\""))).keyMetadata().arn();
        var enc2 = alice.encrypt(b -> b.keyId(src2).plaintext(bytes("x")));
        assertThat(error("AccessDeniedException", () -> alice.reEncrypt(b -> b.ciphertextBlob(enc2.ciphertextBlob())
                .destinationKeyId(dst2)))).contains("kms:ReEncryptTo");
        assertThat(error("AccessDeniedException", () -> alice.reEncrypt(b -> b.ciphertextBlob(enc2.ciphertextBlob())
                .destinationKeyId(src2)))).contains("kms:ReEncryptTo");
        String src3 = kms.createKey(b -> b.policy(allowAlice.formatted("\"kms:Encrypt\""))).keyMetadata().arn();
        var enc3 = alice.encrypt(b -> b.keyId(src3).plaintext(bytes("x")));
        assertThat(error("AccessDeniedException", () -> alice.reEncrypt(b -> b.ciphertextBlob(enc3.ciphertextBlob())
                .destinationKeyId(src2)))).contains("kms:ReEncryptFrom");
        String both = kms.createKey(b -> b.policy(allowAlice.formatted("\"kms:ReEncrypt*\""))).keyMetadata().arn();
        var ok = alice.reEncrypt(b -> b.ciphertextBlob(enc2.ciphertextBlob()).destinationKeyId(both));
        assertThat(ok.keyId()).isEqualTo(both);
    }

    @Test
    void generate_random_bounds() {
        assertThat(kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray()).hasSize(32);
        assertThat(kms.generateRandom(b -> b.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
        error("ValidationException", "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy "
                + "constraint: Member must have value greater than or equal to 1",
                () -> kms.generateRandom(b -> b.numberOfBytes(0)));
        error("ValidationException", "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy "
                + "constraint: Member must have value less than or equal to 1024",
                () -> kms.generateRandom(b -> b.numberOfBytes(1025)));
        error("AccessDeniedException", () -> alice.generateRandom(b -> b.numberOfBytes(8)));
    }

    // ---- Aliases ----------------------------------------------------------------------------------------------

    @Test
    void aliases_resolve_everywhere_aws_accepts_them() {
        String key = newKey();
        String name = "alias/" + TestLockstream.uniqueName("it");
        String aliasArn = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + name;
        kms.createAlias(b -> b.aliasName(name).targetKeyId(key));
        assertThat(kms.describeKey(b -> b.keyId(name)).keyMetadata().arn()).isEqualTo(key);
        assertThat(kms.describeKey(b -> b.keyId(aliasArn)).keyMetadata().arn()).isEqualTo(key);
        var enc = kms.encrypt(b -> b.keyId(name).plaintext(bytes("via alias")));
        assertThat(enc.keyId()).isEqualTo(key);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).keyId(aliasArn)).plaintext().asUtf8String())
                .isEqualTo("via alias");
        assertThat(kms.generateDataKey(b -> b.keyId(aliasArn).keySpec(DataKeySpec.AES_256)).keyId()).isEqualTo(key);
        assertThat(kms.generateDataKeyWithoutPlaintext(b -> b.keyId(name).keySpec(DataKeySpec.AES_256)).keyId())
                .isEqualTo(key);
        assertThat(kms.reEncrypt(b -> b.ciphertextBlob(enc.ciphertextBlob()).sourceKeyId(name)
                .destinationKeyId(aliasArn)).keyId()).isEqualTo(key);
        // Key-management operations take key ids and ARNs only (aws-wire.md §4.1).
        error("NotFoundException", () -> kms.getKeyPolicy(b -> b.keyId(name).policyName("default")));

        List<AliasListEntry> mine = kms.listAliases(b -> b.keyId(key)).aliases();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).aliasName()).isEqualTo(name);
        assertThat(mine.get(0).aliasArn()).isEqualTo(aliasArn);
        assertThat(mine.get(0).targetKeyId()).isEqualTo(key.substring(key.indexOf('/') + 1));
        assertThat(mine.get(0).creationDate()).isNotNull();

        String key2 = newKey();
        kms.updateAlias(b -> b.aliasName(name).targetKeyId(key2));
        assertThat(kms.describeKey(b -> b.keyId(name)).keyMetadata().arn()).isEqualTo(key2);
        assertThat(kms.listAliases(b -> b.keyId(key)).aliases()).isEmpty();
        kms.deleteAlias(b -> b.aliasName(name));
        error("NotFoundException", "Alias " + aliasArn + " is not found.", () -> kms.describeKey(b -> b.keyId(name)));
        error("NotFoundException", "Alias " + aliasArn + " is not found.", () -> kms.deleteAlias(b -> b.aliasName(name)));
    }

    @Test
    void alias_name_rules_and_errors() {
        String key = newKey();
        error("ValidationException", "Alias must start with the prefix \"alias/\". Please see "
                + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html",
                () -> kms.createAlias(b -> b.aliasName("noprefix").targetKeyId(key)));
        error("InvalidAliasNameException", () -> kms.createAlias(b -> b.aliasName("alias/aws/mine").targetKeyId(key)));
        assertThat(error("ValidationException", () -> kms.createAlias(b -> b.aliasName("alias/bad name")
                .targetKeyId(key)))).contains("regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        assertThat(error("ValidationException", () -> kms.createAlias(b -> b.aliasName("alias/" + "x".repeat(251))
                .targetKeyId(key)))).contains("less than or equal to 256");
        String name = "alias/" + TestLockstream.uniqueName("dup");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(key));
        error("AlreadyExistsException", "An alias with the name arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + name
                + " already exists", () -> kms.createAlias(b -> b.aliasName(name).targetKeyId(key)));
        error("ValidationException", "Aliases must refer to keys. Not aliases",
                () -> kms.createAlias(b -> b.aliasName(name + "2").targetKeyId(name)));
        error("NotFoundException", () -> kms.createAlias(b -> b.aliasName(name + "3")
                .targetKeyId("11111111-2222-3333-4444-555555555555")));
        String rsa = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
        error("ValidationException", () -> kms.updateAlias(b -> b.aliasName(name).targetKeyId(rsa)));
        error("AccessDeniedException", () -> alice.listAliases());
        // Paging.
        kms.createAlias(b -> b.aliasName(name + "-b").targetKeyId(key));
        var p1 = kms.listAliases(b -> b.keyId(key).limit(1));
        assertThat(p1.truncated()).isTrue();
        var p2 = kms.listAliases(b -> b.keyId(key).limit(1).marker(p1.nextMarker()));
        assertThat(p2.aliases().get(0).aliasName()).isEqualTo(name + "-b");
        error("ValidationException", () -> kms.listAliases(b -> b.limit(101)));
    }

    // ---- Rotation ---------------------------------------------------------------------------------------------

    @Test
    void rotation_adds_versions_and_old_ciphertexts_keep_decrypting() {
        String key = newKey();
        var status = kms.getKeyRotationStatus(b -> b.keyId(key));
        assertThat(status.keyRotationEnabled()).isFalse();
        kms.enableKeyRotation(b -> b.keyId(key));
        status = kms.getKeyRotationStatus(b -> b.keyId(key));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isNotNull();
        kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(90));
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key)).rotationPeriodInDays()).isEqualTo(90);
        error("ValidationException", () -> kms.enableKeyRotation(b -> b.keyId(key).rotationPeriodInDays(89)));

        String materialBefore = kms.describeKey(b -> b.keyId(key)).keyMetadata().currentKeyMaterialId();
        var before = kms.encrypt(b -> b.keyId(key).plaintext(bytes("v1")));
        assertThat(kms.rotateKeyOnDemand(b -> b.keyId(key)).keyId()).isEqualTo(key);
        var after = kms.encrypt(b -> b.keyId(key).plaintext(bytes("v2")));
        assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().currentKeyMaterialId()).isNotEqualTo(materialBefore);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(before.ciphertextBlob())).plaintext().asUtf8String())
                .isEqualTo("v1");
        assertThat(kms.decrypt(b -> b.ciphertextBlob(after.ciphertextBlob())).plaintext().asUtf8String())
                .isEqualTo("v2");
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key)).onDemandRotationStartDate()).isNotNull();
        kms.disableKeyRotation(b -> b.keyId(key));
        assertThat(kms.getKeyRotationStatus(b -> b.keyId(key)).keyRotationEnabled()).isFalse();

        String rsa = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata().arn();
        error("UnsupportedOperationException", () -> kms.enableKeyRotation(b -> b.keyId(rsa)));
        error("UnsupportedOperationException", () -> kms.rotateKeyOnDemand(b -> b.keyId(rsa)));
        kms.disableKey(b -> b.keyId(key));
        error("KMSInvalidStateException", key + " is disabled.", () -> kms.enableKeyRotation(b -> b.keyId(key)));
        error("KMSInvalidStateException", key + " is disabled.", () -> kms.rotateKeyOnDemand(b -> b.keyId(key)));
    }

    // ---- Asymmetric and HMAC keys -----------------------------------------------------------------------------

    @Test
    void rsa_and_ecc_sign_verify_interoperate_with_the_jdk() throws Exception {
        record Case(String spec, List<SigningAlgorithmSpec> algorithms) {
        }
        List<Case> cases = List.of(
                new Case("RSA_2048", List.of(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
                        SigningAlgorithmSpec.RSASSA_PSS_SHA_512, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                        SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512)),
                new Case("ECC_NIST_P256", List.of(SigningAlgorithmSpec.ECDSA_SHA_256)),
                new Case("ECC_NIST_P384", List.of(SigningAlgorithmSpec.ECDSA_SHA_384)),
                new Case("ECC_NIST_P521", List.of(SigningAlgorithmSpec.ECDSA_SHA_512)));
        byte[] msg = "sign me".getBytes(StandardCharsets.UTF_8);
        for (Case c : cases) {
            String key = kms.createKey(b -> b.keySpec(c.spec()).keyUsage("SIGN_VERIFY")).keyMetadata().arn();
            var pub = kms.getPublicKey(b -> b.keyId(key));
            assertThat(pub.keySpecAsString()).isEqualTo(c.spec());
            assertThat(pub.signingAlgorithms()).containsExactlyElementsOf(c.algorithms());
            PublicKey jdkKey = KeyFactory.getInstance(c.spec().startsWith("RSA") ? "RSA" : "EC")
                    .generatePublic(new X509EncodedKeySpec(pub.publicKey().asByteArray()));
            for (SigningAlgorithmSpec alg : c.algorithms()) {
                for (MessageType type : List.of(MessageType.RAW, MessageType.DIGEST)) {
                    String bits = alg.toString().substring(alg.toString().length() - 3);
                    byte[] input = type == MessageType.RAW ? msg
                            : MessageDigest.getInstance("SHA-" + bits).digest(msg);
                    var sig = kms.sign(b -> b.keyId(key).message(SdkBytes.fromByteArray(input)).messageType(type)
                            .signingAlgorithm(alg));
                    assertThat(sig.keyId()).isEqualTo(key);
                    assertThat(kms.verify(b -> b.keyId(key).message(SdkBytes.fromByteArray(input)).messageType(type)
                            .signingAlgorithm(alg).signature(sig.signature())).signatureValid()).isTrue();
                    assertThat(jdkVerify(jdkKey, alg.toString(), msg, sig.signature().asByteArray()))
                            .as(alg + " " + type).isTrue();
                }
            }
            SigningAlgorithmSpec alg = c.algorithms().get(0);
            var sig = kms.sign(b -> b.keyId(key).message(SdkBytes.fromByteArray(msg)).signingAlgorithm(alg));
            error("KMSInvalidSignatureException", () -> kms.verify(b -> b.keyId(key).message(bytes("other"))
                    .signingAlgorithm(alg).signature(sig.signature())));
            error("ValidationException", () -> kms.sign(b -> b.keyId(key).message(bytes("short"))
                    .messageType(MessageType.DIGEST).signingAlgorithm(alg)));
        }
        String ec = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
        error("InvalidKeyUsageException", "Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.",
                () -> kms.sign(b -> b.keyId(ec).message(bytes("m")).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)));
        error("InvalidKeyUsageException", ec + " key usage is SIGN_VERIFY which is not valid for Encrypt.",
                () -> kms.encrypt(b -> b.keyId(ec).plaintext(bytes("m"))));
        String sym = newKey();
        error("InvalidKeyUsageException", sym + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.",
                () -> kms.sign(b -> b.keyId(sym).message(bytes("m")).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
        error("UnsupportedOperationException", () -> kms.getPublicKey(b -> b.keyId(sym)));
    }

    private static boolean jdkVerify(PublicKey key, String alg, byte[] msg, byte[] sig) throws Exception {
        String bits = alg.substring(alg.length() - 3);
        Signature s;
        if (alg.startsWith("ECDSA")) {
            s = Signature.getInstance("SHA" + bits + "withECDSA");
        } else if (alg.startsWith("RSASSA_PKCS1")) {
            s = Signature.getInstance("SHA" + bits + "withRSA");
        } else {
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits),
                    Integer.parseInt(bits) / 8, 1));
        }
        s.initVerify(key);
        s.update(msg);
        return s.verify(sig);
    }

    @Test
    void rsa_encryption_with_oaep_interoperates_with_the_jdk() throws Exception {
        String key = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata().arn();
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                kms.getPublicKey(b -> b.keyId(key)).publicKey().asByteArray()));
        for (EncryptionAlgorithmSpec alg : List.of(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)) {
            var enc = kms.encrypt(b -> b.keyId(key).plaintext(bytes("secret")).encryptionAlgorithm(alg));
            assertThat(enc.encryptionAlgorithm()).isEqualTo(alg);
            assertThat(kms.decrypt(b -> b.keyId(key).ciphertextBlob(enc.ciphertextBlob()).encryptionAlgorithm(alg))
                    .plaintext().asUtf8String()).isEqualTo("secret");
            // Encrypted offline with the public key, decrypted by the KMS.
            boolean sha1 = alg == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1;
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, pub, new OAEPParameterSpec(sha1 ? "SHA-1" : "SHA-256", "MGF1",
                    sha1 ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] offline = c.doFinal("offline".getBytes(StandardCharsets.UTF_8));
            assertThat(kms.decrypt(b -> b.keyId(key).ciphertextBlob(SdkBytes.fromByteArray(offline))
                    .encryptionAlgorithm(alg)).plaintext().asUtf8String()).isEqualTo("offline");
        }
        error("InvalidKeyUsageException", "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.",
                () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x"))));
        error("ValidationException", () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1).encryptionContext(Map.of("a", "b"))));
        error("ValidationException", "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger "
                + "than 190 bytes.", () -> kms.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[191]))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
        error("InvalidKeyUsageException", key + " key spec is RSA_2048 which is not valid for GenerateDataKey.",
                () -> kms.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)));
        error("InvalidCiphertextException", "", () -> kms.decrypt(b -> b.keyId(key)
                .ciphertextBlob(SdkBytes.fromByteArray(new byte[256])).encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)));
    }

    @Test
    void hmac_generate_and_verify() {
        String key = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().arn();
        var mac = kms.generateMac(b -> b.keyId(key).message(bytes("m")).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
        assertThat(mac.mac().asByteArray()).hasSize(32);
        assertThat(kms.verifyMac(b -> b.keyId(key).message(bytes("m")).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .mac(mac.mac())).macValid()).isTrue();
        error("KMSInvalidMacException", () -> kms.verifyMac(b -> b.keyId(key).message(bytes("n"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).mac(mac.mac())));
        error("InvalidKeyUsageException", "Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.",
                () -> kms.generateMac(b -> b.keyId(key).message(bytes("m")).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)));
        error("InvalidKeyUsageException", key + " key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.",
                () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("m"))));
    }

    // ---- Key states (aws-wire.md §4.3) ------------------------------------------------------------------------

    @Test
    void key_state_table() {
        String key = newKey();
        var blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes("s"))).ciphertextBlob();
        String dest = newKey();
        kms.disableKey(b -> b.keyId(key));
        kms.disableKey(b -> b.keyId(key)); // DisableKey on Disabled succeeds
        assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        String disabled = key + " is disabled.";
        cryptoOps(key, blob, dest).forEach(op -> error("DisabledException", disabled, op));
        managementOps(key).forEach(op -> ok(op));
        error("KMSInvalidStateException", key + " is not pending deletion.", () -> kms.cancelKeyDeletion(b -> b.keyId(key)));

        var scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(7));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().deletionDate()).isEqualTo(scheduled.deletionDate());
        String pending = key + " is pending deletion.";
        cryptoOps(key, blob, dest).forEach(op -> error("KMSInvalidStateException", pending, op));
        managementOps(key).forEach(op -> ok(op));
        for (KmsAssertions.Call op : List.<KmsAssertions.Call>of(
                () -> kms.enableKey(b -> b.keyId(key)),
                () -> kms.disableKey(b -> b.keyId(key)),
                () -> kms.tagResource(b -> b.keyId(key).tags(Tag.builder().tagKey("a").tagValue("b").build())),
                () -> kms.updateKeyDescription(b -> b.keyId(key).description("x")),
                () -> kms.createAlias(b -> b.aliasName("alias/" + TestLockstream.uniqueName("p")).targetKeyId(key)),
                () -> kms.scheduleKeyDeletion(b -> b.keyId(key)))) {
            error("KMSInvalidStateException", pending, op);
        }
        assertThat(kms.cancelKeyDeletion(b -> b.keyId(key)).keyId()).isEqualTo(key);
        assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        kms.enableKey(b -> b.keyId(key));
        kms.enableKey(b -> b.keyId(key)); // EnableKey on Enabled succeeds
        assertThat(kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("s");
        error("ValidationException", () -> kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(6)));
        error("ValidationException", () -> kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(31)));
    }

    @Test
    void signing_and_mac_keys_follow_the_key_state_table_too() {
        String signer = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
        String hmac = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().arn();
        kms.disableKey(b -> b.keyId(signer));
        kms.disableKey(b -> b.keyId(hmac));
        error("DisabledException", signer + " is disabled.", () -> kms.sign(b -> b.keyId(signer).message(bytes("m"))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
        error("DisabledException", hmac + " is disabled.", () -> kms.generateMac(b -> b.keyId(hmac)
                .message(bytes("m")).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)));
        // GetPublicKey works on a disabled key (observed on AWS, LS note), not on one pending deletion.
        assertThat(kms.getPublicKey(b -> b.keyId(signer)).publicKey()).isNotNull();
        kms.scheduleKeyDeletion(b -> b.keyId(signer).pendingWindowInDays(7));
        error("KMSInvalidStateException", signer + " is pending deletion.", () -> kms.getPublicKey(b -> b.keyId(signer)));
        error("KMSInvalidStateException", signer + " is pending deletion.", () -> kms.verify(b -> b.keyId(signer)
                .message(bytes("m")).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .signature(bytes("s"))));
        kms.cancelKeyDeletion(b -> b.keyId(signer));
        error("AccessDeniedException", () -> alice.listKeys());
    }

    private static List<KmsAssertions.Call> cryptoOps(String key, SdkBytes blob, String dest) {
        return List.of(
                () -> kms.encrypt(b -> b.keyId(key).plaintext(bytes("x"))),
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)),
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(dest)),
                () -> kms.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)),
                () -> kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)));
    }

    private static List<KmsAssertions.Call> managementOps(String key) {
        return List.of(
                () -> kms.describeKey(b -> b.keyId(key)),
                () -> kms.getKeyPolicy(b -> b.keyId(key).policyName("default")),
                () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default")
                        .policy(kms.getKeyPolicy(g -> g.keyId(key).policyName("default")).policy())),
                () -> kms.listKeyPolicies(b -> b.keyId(key)),
                () -> kms.listResourceTags(b -> b.keyId(key)),
                () -> kms.listAliases(b -> b.keyId(key)),
                () -> kms.getKeyRotationStatus(b -> b.keyId(key)));
    }

    private static void ok(KmsAssertions.Call op) {
        try {
            op.run();
        } catch (Exception e) {
            throw new AssertionError("expected success", e);
        }
    }
}
