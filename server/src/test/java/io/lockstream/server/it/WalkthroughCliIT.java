package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §1 steps 1–6 through the AWS CLI v2, verbatim (only {@code --endpoint-url} added), including
 * the {@code get-key-policy --output text > policy.json} round trip.
 */
class WalkthroughCliIT {
    @TempDir
    Path dir;

    @Test
    void walkthrough_through_the_aws_cli() throws Exception {
        String aws = AwsCli.v2();
        String group = TestLockstream.uniqueName("cli-walkthrough");

        // 1. aws kms create-key
        JsonNode md = ok(AwsCli.run(aws, dir, "kms", "create-key")).get("KeyMetadata");
        for (String field : List.of("KeyId", "Arn", "AWSAccountId", "CreationDate", "Enabled", "KeyState", "KeyUsage",
                "KeySpec", "CustomerMasterKeySpec", "Origin", "KeyManager", "EncryptionAlgorithms", "Description",
                "MultiRegion")) {
            assertThat(md.has(field)).as("KeyMetadata.%s", field).isTrue();
        }
        String key = md.get("Arn").asText();

        // 2. aws kms get-key-policy --key-id ID --policy-name default --output text > policy.json
        AwsCli.Result policyText = AwsCli.run(aws, dir, "kms", "get-key-policy", "--key-id", key, "--policy-name",
                "default", "--output", "text");
        assertThat(policyText.exitCode()).as(policyText.stderr()).isZero();
        Files.writeString(dir.resolve("policy.json"), policyText.stdout());
        ObjectNode policy = Json.parseObject(Files.readAllBytes(dir.resolve("policy.json")));
        assertThat(policy.get("Id").asText()).isEqualTo("key-default-1");

        // 3. add the logs statement (ArnLike: the whole account) and put-key-policy --policy file://policy.json
        ObjectNode logsStatement = Json.parseObject(Policies.forAccount().getBytes(StandardCharsets.UTF_8));
        ((ArrayNode) policy.get("Statement")).add(logsStatement.get("Statement").get(1));
        Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());
        ok(AwsCli.run(aws, dir, "kms", "put-key-policy", "--key-id", key, "--policy-name", "default",
                "--policy", "file://policy.json"));

        // 4. create-log-group --kms-key-id, describe-log-groups shows kmsKeyId
        ok(AwsCli.run(aws, dir, "logs", "create-log-group", "--log-group-name", group, "--kms-key-id", key));
        JsonNode groups = ok(AwsCli.run(aws, dir, "logs", "describe-log-groups", "--log-group-name-prefix", group));
        assertThat(groups.get("logGroups").get(0).get("kmsKeyId").asText()).isEqualTo(key);

        // 5. put-log-events, get-log-events: decrypted
        ok(AwsCli.run(aws, dir, "logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", "web"));
        long now = System.currentTimeMillis();
        ok(AwsCli.run(aws, dir, "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "web",
                "--log-events", "timestamp=" + now + ",message=first-under-cmk",
                "timestamp=" + now + ",message=second-under-cmk"));
        awaitMessages(aws, group, "first-under-cmk", "second-under-cmk");

        // 6. disassociate-kms-key: old and new events both readable
        ok(AwsCli.run(aws, dir, "logs", "disassociate-kms-key", "--log-group-name", group));
        ok(AwsCli.run(aws, dir, "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "web",
                "--log-events", "timestamp=" + System.currentTimeMillis() + ",message=after-disassociate"));
        awaitMessages(aws, group, "first-under-cmk", "second-under-cmk", "after-disassociate");
        JsonNode filtered = ok(AwsCli.run(aws, dir, "logs", "filter-log-events", "--log-group-name", group,
                "--filter-pattern", "second"));
        assertThat(filtered.get("events")).hasSize(1);
    }

    @Test
    void get_key_policy_text_output_is_a_valid_policy_with_cli_v1_too() throws Exception {
        String v1 = AwsCli.onPath("aws-cli/1.");
        org.junit.jupiter.api.Assumptions.assumeTrue(v1 != null, "no AWS CLI v1 on PATH");
        String key = ok(AwsCli.run(AwsCli.v2(), dir, "kms", "create-key")).get("KeyMetadata").get("Arn").asText();
        AwsCli.Result r = AwsCli.run(v1, dir, "kms", "get-key-policy", "--key-id", key, "--policy-name", "default",
                "--output", "text");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Json.parseObject(r.stdout().getBytes(StandardCharsets.UTF_8)).get("Id").asText())
                .isEqualTo("key-default-1");
    }

    private void awaitMessages(String aws, String group, String... expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode events = ok(AwsCli.run(aws, dir, "logs", "get-log-events", "--log-group-name", group,
                    "--log-stream-name", "web", "--start-from-head")).get("events");
            List<String> messages = new ArrayList<>();
            events.forEach(e -> messages.add(e.get("message").asText()));
            assertThat(messages).containsExactly(expected);
        });
    }

    private static JsonNode ok(AwsCli.Result r) {
        assertThat(r.exitCode()).as("aws exited %d: %s", r.exitCode(), r.stderr()).isZero();
        return r.stdout().isBlank() ? Json.object() : Json.parseObject(r.stdout().getBytes(StandardCharsets.UTF_8));
    }
}
