package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The logs walkthrough through the real AWS CLI v2 ({@code /usr/bin/aws}), unchanged but for --endpoint-url. */
class LogsCliIT {
    private static final Path AWS = Path.of("/usr/bin/aws");

    @BeforeAll
    static void requireCli() {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws (AWS CLI v2) is not installed");
    }

    private static ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", TestLockstream.endpoint().toString(),
                "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", TestLockstream.REGION);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        return pb;
    }

    /** Runs the CLI; returns stdout, failing the test with stderr on a non-zero exit. */
    private static String aws(String... args) throws IOException, InterruptedException {
        Process p = command(args).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("aws %s: %s", String.join(" ", args), new String(err, StandardCharsets.UTF_8))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) {
        return s.isBlank() ? Json.object() : Json.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void walkthrough_through_the_cli() throws Exception {
        String g = TestLockstream.uniqueName("cli");
        String key = TestLockstream.kms().createKey(b -> b.description("cli")).keyMetadata().arn();
        TestLockstream.kms().putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.forAccount()));

        aws("logs", "create-log-group", "--log-group-name", g, "--kms-key-id", key);
        JsonNode groups = json(aws("logs", "describe-log-groups", "--log-group-name-prefix", g)).get("logGroups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("kmsKeyId").asText()).isEqualTo(key);
        aws("logs", "create-log-stream", "--log-group-name", g, "--log-stream-name", "app");
        long now = System.currentTimeMillis();
        JsonNode put = json(aws("logs", "put-log-events", "--log-group-name", g, "--log-stream-name", "app",
                "--log-events", "timestamp=" + now + ",message=hello-cli", "timestamp=" + (now + 1) + ",message=ERROR cli"));
        assertThat(put.has("nextSequenceToken")).isTrue();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode got = json(aws("logs", "get-log-events", "--log-group-name", g, "--log-stream-name", "app",
                    "--start-from-head"));
            assertThat(got.get("events")).hasSize(2);
            assertThat(got.get("events").get(0).get("message").asText()).isEqualTo("hello-cli");
        });
        JsonNode filtered = json(aws("logs", "filter-log-events", "--log-group-name", g, "--filter-pattern", "ERROR"));
        assertThat(filtered.get("events")).hasSize(1);
        assertThat(filtered.get("events").get(0).get("message").asText()).isEqualTo("ERROR cli");

        aws("logs", "disassociate-kms-key", "--log-group-name", g);
        assertThat(json(aws("logs", "describe-log-groups", "--log-group-name-prefix", g)).get("logGroups").get(0)
                .has("kmsKeyId")).isFalse();
        aws("logs", "associate-kms-key", "--log-group-name", g, "--kms-key-id", key);
        assertThat(json(aws("logs", "describe-log-groups", "--log-group-name-prefix", g)).get("logGroups").get(0)
                .get("kmsKeyId").asText()).isEqualTo(key);

        String tail = aws("logs", "tail", g, "--since", "1h");
        assertThat(tail).contains("hello-cli").contains("ERROR cli");
    }

    @Test
    void cli_errors_are_aws_shaped() throws Exception {
        Process p = command("logs", "describe-log-streams", "--log-group-name",
                TestLockstream.uniqueName("missing")).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertThat(p.exitValue()).isNotZero();
        assertThat(err).contains("ResourceNotFoundException").contains("The specified log group does not exist.");
    }

    @Test
    void tail_follow_prints_events_put_meanwhile() throws Exception {
        String g = TestLockstream.uniqueName("follow");
        aws("logs", "create-log-group", "--log-group-name", g);
        aws("logs", "create-log-stream", "--log-group-name", g, "--log-stream-name", "s");
        Path out = Files.createTempFile("tail-follow", ".txt");
        Process follow = command("logs", "tail", g, "--follow", "--format", "short")
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            Thread.sleep(1500);
            for (int i = 0; i < 3; i++) {
                long t = System.currentTimeMillis();
                aws("logs", "put-log-events", "--log-group-name", g, "--log-stream-name", "s",
                        "--log-events", "timestamp=" + t + ",message=followed-" + i);
                Thread.sleep(300);
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(Files.readString(out)).contains("followed-0", "followed-1", "followed-2"));
            assertThat(follow.isAlive()).as("--follow keeps running").isTrue();
        } finally {
            follow.destroy();
            if (!follow.waitFor(5, TimeUnit.SECONDS)) {
                follow.destroyForcibly();
            }
        }
        String printed = Files.readString(out);
        assertThat(printed.split("followed-0", -1)).as("each event printed once").hasSize(2);
        Files.deleteIfExists(out);
    }
}
