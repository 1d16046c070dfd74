package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.Json;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.common.aws.Site;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/** DESIGN.md §1, steps 1–7, through the AWS SDK for Java v2, checking the key of every stored event. */
class WalkthroughSdkIT {
    private static CloudWatchLogsClient logs;
    private static KmsClient kms;

    @BeforeAll
    static void clients() {
        logs = TestLockstream.logs();
        kms = TestLockstream.kms();
    }

    @AfterAll
    static void close() {
        logs.close();
        kms.close();
    }

    @Test
    void walkthrough_steps_1_to_7_keep_every_event_under_the_right_key() {
        String group = TestLockstream.uniqueName("walkthrough");
        String groupArn = Policies.groupArn(group);

        // 1. create-key prints the seed's KeyMetadata fields.
        KeyMetadata md = kms.createKey(b -> b.description("walkthrough key")).keyMetadata();
        assertThat(md.keyId()).matches("[0-9a-f-]{36}");
        assertThat(md.arn()).isEqualTo("arn:aws:kms:us-west-2:123456789012:key/" + md.keyId());
        assertThat(md.awsAccountId()).isEqualTo("123456789012");
        assertThat(md.creationDate()).isNotNull();
        assertThat(md.enabled()).isTrue();
        assertThat(md.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(md.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(md.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(md.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(md.originAsString()).isEqualTo("AWS_KMS");
        assertThat(md.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(md.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(md.description()).isEqualTo("walkthrough key");
        assertThat(md.multiRegion()).isFalse();
        String key = md.arn();

        // 2. The default policy: key-default-1, "Enable IAM User Permissions" for the account root.
        JsonNode policy = json(kms.getKeyPolicy(b -> b.keyId(key).policyName("default")).policy());
        assertThat(policy.get("Id").asText()).isEqualTo("key-default-1");
        assertThat(policy.get("Statement").get(0).get("Sid").asText()).isEqualTo("Enable IAM User Permissions");
        assertThat(policy.get("Statement").get(0).get("Principal").get("AWS").asText())
                .isEqualTo("arn:aws:iam::123456789012:root");

        // Without a statement for the logs service, the key cannot be associated.
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName(group).kmsKeyId(key)))
                .isInstanceOfSatisfying(CloudWatchLogsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains(groupArn);
                });

        // 3. Allow the logs service principal for this one group (ArnEquals).
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.forGroup(groupArn)));

        // 4. create-log-group with the key; describe-log-groups shows kmsKeyId.
        logs.createLogGroup(b -> b.logGroupName(group).kmsKeyId(key));
        LogGroup described = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0);
        assertThat(described.logGroupName()).isEqualTo(group);
        assertThat(described.kmsKeyId()).isEqualTo(key);
        assertThat(described.arn()).isEqualTo(groupArn + ":*");
        assertThat(described.creationTime()).isPositive();
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("app"));

        // 5. Events come back decrypted.
        put(group, "app", "under-cmk-1", "under-cmk-2");
        awaitMessages(group, "app", "under-cmk-1", "under-cmk-2");

        // 6. Disassociate: new events use the default key, old ones keep theirs, all stay readable.
        logs.disassociateKmsKey(b -> b.logGroupName(group));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).kmsKeyId()).isNull();
        put(group, "app", "under-default-1");
        awaitMessages(group, "app", "under-cmk-1", "under-cmk-2", "under-default-1");

        // 7. Key switch: a new key for this group only, associate it, cut the old key to kms:Decrypt*.
        String newKey = kms.createKey(b -> b.description("second key")).keyMetadata().arn();
        kms.putKeyPolicy(b -> b.keyId(newKey).policyName("default").policy(Policies.forGroup(groupArn)));
        logs.associateKmsKey(b -> b.logGroupName(group).kmsKeyId(key));
        put(group, "app", "under-cmk-again");
        logs.associateKmsKey(b -> b.logGroupName(group).kmsKeyId(newKey));
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.withLogsStatement("[\"kms:Decrypt*\"]",
                "{\"ArnEquals\":{\"kms:EncryptionContext:aws:logs:arn\":\"" + groupArn + "\"}}")));
        put(group, "app", "under-new-key");
        awaitMessages(group, "app", "under-cmk-1", "under-cmk-2", "under-default-1", "under-cmk-again",
                "under-new-key");

        // The old key can no longer encrypt for the logs service: associating it again is refused.
        assertThatThrownBy(() -> logs.associateKmsKey(b -> b.logGroupName(group).kmsKeyId(key)))
                .isInstanceOfSatisfying(CloudWatchLogsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));

        // Every stored event is under the key that was associated when it was accepted.
        String defaultKey = ServiceKeys.logsDefaultKeyArn(new Site("us-west-2", "123456789012"));
        assertThat(SealedTopic.eventKeys(group)).containsExactly(key, key, defaultKey, key, newKey);
    }

    private static void put(String group, String stream, String... messages) {
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (String m : messages) {
            events.add(InputLogEvent.builder().timestamp(now).message(m).build());
        }
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    static void awaitMessages(String group, String stream, String... expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))
                        .events().stream().map(OutputLogEvent::message).collect(Collectors.toList()))
                        .containsExactly(expected));
    }

    static void awaitMessagesCount(CloudWatchLogsClient client, String group, String stream, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))
                        .events()).hasSize(count));
    }

    private static JsonNode json(String s) {
        return Json.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }
}
