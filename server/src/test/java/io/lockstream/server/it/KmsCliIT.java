package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.common.aws.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's KMS commands, verbatim, through the AWS CLI v2 ({@code /usr/bin/aws}, 2.9.19 from Debian), with
 * only {@code --endpoint-url} added, plus the alias commands.
 */
class KmsCliIT {
    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireCli() {
        assumeTrue(Files.isExecutable(AWS), "AWS CLI v2 not installed at /usr/bin/aws: skipping the CLI tests "
                + "(apt-get install -y awscli)");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result aws(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url",
                TestLockstream.endpoint().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", TestLockstream.REGION);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " timed out");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private JsonNode ok(String... args) throws IOException, InterruptedException {
        Result r = aws(args);
        assertThat(r.exit()).as("aws %s\n%s", String.join(" ", args), r.err()).isZero();
        return r.out().isBlank() ? null : Json.MAPPER.readTree(r.out());
    }

    @Test
    void seed_commands_work_verbatim() throws Exception {
        JsonNode md = ok("kms", "create-key").get("KeyMetadata");
        String keyId = md.get("KeyId").asText();
        assertThat(md.get("Arn").asText()).endsWith(":key/" + keyId);
        assertThat(md.get("KeyState").asText()).isEqualTo("Enabled");
        assertThat(md.get("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");

        // get-key-policy --output text > policy.json must be a JSON document.
        Result policy = aws("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default", "--output", "text");
        assertThat(policy.exit()).as(policy.err()).isZero();
        Path file = dir.resolve("policy.json");
        Files.writeString(file, policy.out(), StandardCharsets.UTF_8);
        JsonNode doc = Json.MAPPER.readTree(Files.readString(file));
        assertThat(doc.get("Id").asText()).isEqualTo("key-default-1");

        // The walkthrough's edit: the logs statement with ArnLike for the whole account.
        Files.writeString(file, Policies.forAccount(), StandardCharsets.UTF_8);
        ok("kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", "file://policy.json");
        JsonNode back = Json.MAPPER.readTree(aws("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default",
                "--output", "text").out());
        assertThat(back.get("Statement")).hasSize(2);

        // A lockout policy is refused with AWS's code and message, as the CLI prints it.
        Files.writeString(file, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + TestLockstream.USER_ARN + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
        Result refused = aws("kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy",
                "file://policy.json");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("MalformedPolicyDocumentException")
                .contains("The new key policy will not allow you to update the key policy in the future.");
    }

    @Test
    void aliases_and_describe_by_alias() throws Exception {
        String keyId = ok("kms", "create-key", "--description", "cli alias key").get("KeyMetadata").get("KeyId")
                .asText();
        String alias = "alias/" + TestLockstream.uniqueName("cli");
        ok("kms", "create-alias", "--alias-name", alias, "--target-key-id", keyId);
        JsonNode aliases = ok("kms", "list-aliases", "--key-id", keyId).get("Aliases");
        assertThat(aliases).hasSize(1);
        assertThat(aliases.get(0).get("AliasName").asText()).isEqualTo(alias);
        assertThat(aliases.get(0).get("TargetKeyId").asText()).isEqualTo(keyId);
        assertThat(ok("kms", "describe-key", "--key-id", alias).get("KeyMetadata").get("KeyId").asText())
                .isEqualTo(keyId);
        // The CLI paginates list-aliases itself (Marker/NextMarker): the full list contains ours.
        JsonNode all = ok("kms", "list-aliases", "--page-size", "1").get("Aliases");
        assertThat(all.findValuesAsText("AliasName")).contains(alias);
        Result bad = aws("kms", "create-alias", "--alias-name", "no-prefix", "--target-key-id", keyId);
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("ValidationException").contains("Alias must start with the prefix \"alias/\"");
        ok("kms", "delete-alias", "--alias-name", alias);
        assertThat(aws("kms", "describe-key", "--key-id", alias).err()).contains("NotFoundException");
    }

    @Test
    void encrypt_decrypt_and_rotation_through_the_cli() throws Exception {
        String keyId = ok("kms", "create-key").get("KeyMetadata").get("KeyId").asText();
        Files.writeString(dir.resolve("plain.txt"), "cli secret");
        String blob = ok("kms", "encrypt", "--key-id", keyId, "--plaintext", "fileb://plain.txt",
                "--encryption-context", "purpose=cli").get("CiphertextBlob").asText();
        Files.write(dir.resolve("blob.bin"), java.util.Base64.getDecoder().decode(blob));
        ok("kms", "enable-key-rotation", "--key-id", keyId);
        assertThat(ok("kms", "get-key-rotation-status", "--key-id", keyId).get("KeyRotationEnabled").asBoolean())
                .isTrue();
        JsonNode dec = ok("kms", "decrypt", "--ciphertext-blob", "fileb://blob.bin", "--encryption-context",
                "purpose=cli");
        assertThat(new String(java.util.Base64.getDecoder().decode(dec.get("Plaintext").asText()),
                StandardCharsets.UTF_8)).isEqualTo("cli secret");
        JsonNode tags = ok("kms", "tag-resource", "--key-id", keyId, "--tags", "TagKey=env,TagValue=test");
        assertThat(tags).isNull();
        assertThat(ok("kms", "list-resource-tags", "--key-id", keyId).get("Tags").get(0).get("TagKey").asText())
                .isEqualTo("env");
    }
}
