package io.lockstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.aws.Site;
import io.lockstream.common.logs.LogsRules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of {@link LogsRules}, with AWS's error type and wording (aws-wire.md §2.1). */
class LogsRulesTest {
    private static final Site SITE = new Site("us-west-2", "123456789012");

    private static void fails(ThrowingCallable call, String type, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static JsonRequest req(String json) {
        return new JsonRequest(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)), "InvalidParameterException");
    }

    @Test
    void group_name_length_and_alphabet() {
        assertThat(LogsRules.groupName("logGroupName", "/aws/lambda/x_y-z.1#2")).isEqualTo("/aws/lambda/x_y-z.1#2");
        assertThat(LogsRules.groupName("logGroupName", "a".repeat(512))).hasSize(512);
        fails(() -> LogsRules.groupName("logGroupName", ""), "InvalidParameterException",
                "Member must have length greater than or equal to 1");
        fails(() -> LogsRules.groupName("logGroupName", "a".repeat(513)), "InvalidParameterException",
                "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
        fails(() -> LogsRules.groupName("logGroupName", "bad name"), "InvalidParameterException",
                "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        fails(() -> LogsRules.groupName("logGroupName", "a:b"), "InvalidParameterException", "regular expression");
    }

    @Test
    void stream_name_length_and_alphabet() {
        assertThat(LogsRules.streamName("logStreamName", "any thing/ü")).isEqualTo("any thing/ü");
        fails(() -> LogsRules.streamName("logStreamName", ""), "InvalidParameterException", "greater than or equal to 1");
        fails(() -> LogsRules.streamName("logStreamName", "s".repeat(513)), "InvalidParameterException",
                "less than or equal to 512");
        fails(() -> LogsRules.streamName("logStreamName", "a:b"), "InvalidParameterException", "[^:*]*");
        fails(() -> LogsRules.streamName("logStreamName", "a*"), "InvalidParameterException", "[^:*]*");
    }

    @Test
    void name_pattern_is_bounded_and_uses_the_name_alphabet() {
        assertThat(LogsRules.groupNamePattern("")).isEmpty();
        fails(() -> LogsRules.groupNamePattern("x".repeat(513)), "InvalidParameterException", "512");
        fails(() -> LogsRules.groupNamePattern("a b"), "InvalidParameterException", "regular expression");
    }

    @Test
    void kms_key_id_must_be_a_key_arn() {
        String arn = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertThat(LogsRules.kmsKeyArn(arn, "g")).isEqualTo(arn);
        fails(() -> LogsRules.kmsKeyArn("1234abcd-12ab-34cd-56ef-1234567890ab", "g"), "InvalidParameterException",
                "The specified KMS Key Id could not be found. 'g'");
        fails(() -> LogsRules.kmsKeyArn("alias/x", "g"), "InvalidParameterException", "could not be found");
        fails(() -> LogsRules.kmsKeyArn("a".repeat(257), "g"), "InvalidParameterException",
                "Member must have length less than or equal to 256");
    }

    @Test
    void retention_only_allowed_values() {
        for (int d : LogsRules.RETENTION_DAYS) {
            assertThat(LogsRules.retentionInDays(d)).isEqualTo(d);
        }
        assertThat(LogsRules.RETENTION_DAYS).contains(1096).hasSize(22);
        for (int d : new int[] {0, 2, -1, 4000, 1095}) {
            fails(() -> LogsRules.retentionInDays(d), "InvalidParameterException",
                    "Value '" + d + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set");
        }
    }

    @Test
    void limits_of_describe_and_event_reads() {
        assertThat(LogsRules.limit(req("{}"), 50)).isEqualTo(50);
        assertThat(LogsRules.limit(req("{\"limit\":1}"), 50)).isEqualTo(1);
        fails(() -> LogsRules.limit(req("{\"limit\":0}"), 50), "InvalidParameterException",
                "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        fails(() -> LogsRules.limit(req("{\"limit\":51}"), 50), "InvalidParameterException",
                "less than or equal to 50");
        fails(() -> LogsRules.limit(req("{\"limit\":10001}"), 10_000), "InvalidParameterException",
                "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10000");
    }

    @Test
    void name_and_identifier_are_mutually_exclusive() {
        fails(() -> LogsRules.groupNameOrIdentifier(req("{\"logGroupName\":\"a\",\"logGroupIdentifier\":\"a\"}"), SITE),
                "ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        fails(() -> LogsRules.groupNameOrIdentifier(req("{}"), SITE), "InvalidParameterException",
                "Value null at 'logGroupName'");
        assertThat(LogsRules.groupNameOrIdentifier(req("{\"logGroupIdentifier\":\"g1\"}"), SITE)).isEqualTo("g1");
        assertThat(LogsRules.groupNameOrIdentifier(req(
                "{\"logGroupIdentifier\":\"arn:aws:logs:us-west-2:123456789012:log-group:g1\"}"), SITE)).isEqualTo("g1");
        // The identifier is the ARN without the trailing ":*" (model pattern [\w#+=/:,.@-]*).
        fails(() -> LogsRules.groupIdentifier("arn:aws:logs:us-west-2:123456789012:log-group:g1:*", SITE),
                "InvalidParameterException", "regular expression");
    }

    @Test
    void arns_must_belong_to_this_region_and_account() {
        assertThat(LogsRules.ownLogGroupArn("resourceArn", "arn:aws:logs:us-west-2:123456789012:log-group:g", SITE))
                .isEqualTo("g");
        fails(() -> LogsRules.ownLogGroupArn("resourceArn", "arn:aws:logs:eu-west-1:123456789012:log-group:g", SITE),
                "InvalidParameterException", "not in this deployment's region and account");
        fails(() -> LogsRules.ownLogGroupArn("resourceArn", "arn:aws:logs:us-west-2:999999999999:log-group:g", SITE),
                "InvalidParameterException", "not in this deployment's region and account");
        fails(() -> LogsRules.ownLogGroupArn("resourceArn", "arn:aws:s3:::bucket", SITE),
                "InvalidParameterException", "not a valid log group ARN");
        fails(() -> LogsRules.ownLogGroupArn("resourceArn", "arn:aws:logs:us-west-2:123456789012:log-group:a b", SITE),
                "InvalidParameterException", "regular expression");
        fails(() -> LogsRules.groupIdentifier("x".repeat(2049), SITE), "InvalidParameterException", "2048");
    }

    @Test
    void tags_keys_values_and_count() {
        assertThat(LogsRules.tags("tags", Map.of("team", "a b", "k:=+-@./_", ""), Map.of(), "g")).hasSize(2);
        fails(() -> LogsRules.tags("tags", Map.of(), Map.of(), "g"), "InvalidParameterException",
                "greater than or equal to 1");
        fails(() -> LogsRules.tags("tags", Map.of("", "v"), Map.of(), "g"), "InvalidParameterException", "tags.key");
        fails(() -> LogsRules.tags("tags", Map.of("k".repeat(129), "v"), Map.of(), "g"), "InvalidParameterException",
                "less than or equal to 128");
        fails(() -> LogsRules.tags("tags", Map.of("k", "v".repeat(257)), Map.of(), "g"), "InvalidParameterException",
                "less than or equal to 256");
        fails(() -> LogsRules.tags("tags", Map.of("k*", "v"), Map.of(), "g"), "InvalidParameterException",
                "regular expression");
        fails(() -> LogsRules.tags("tags", Map.of("k", "v*"), Map.of(), "g"), "InvalidParameterException",
                "regular expression");
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        assertThat(LogsRules.tags("tags", Map.of("k0", "new"), fifty, "g")).hasSize(1);
        assertThatThrownBy(() -> LogsRules.tags("tags", Map.of("k50", "v"), fifty, "g"))
                .isInstanceOfSatisfying(LogsRules.TooManyTags.class, e -> {
                    assertThat(e.type()).isEqualTo("TooManyTagsException");
                    assertThat(e.resourceName()).isEqualTo("g");
                });
    }

    @Test
    void tag_keys_to_remove() {
        assertThat(LogsRules.tagKeys("tagKeys", List.of())).isEmpty();
        fails(() -> LogsRules.tagKeys("tagKeys", java.util.Collections.nCopies(51, "k")), "InvalidParameterException",
                "less than or equal to 50");
        fails(() -> LogsRules.tagKeys("tagKeys", List.of("")), "InvalidParameterException", "tagKeys.member");
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 1025})
    void filter_pattern_at_most_1024(int length) {
        String p = "x".repeat(length);
        if (length <= 1024) {
            assertThat(LogsRules.filterPattern(p)).isEqualTo(p);
        } else {
            fails(() -> LogsRules.filterPattern(p), "InvalidParameterException", "less than or equal to 1024");
        }
    }

    @Test
    void invalid_token_wording() {
        assertThat(LogsRules.invalidToken().getMessage()).isEqualTo("The specified nextToken is invalid.");
    }
}
