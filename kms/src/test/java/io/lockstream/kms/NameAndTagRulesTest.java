package io.lockstream.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Alias name rules and tag rules (aws-wire.md §4.2), as a table. */
class NameAndTagRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alias/a", "alias/my-key_1", "alias/team/app:prod", "alias/awsome"})
    void valid_alias_names(String name) {
        assertThatCode(() -> KeyAliases.validateName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "noprefix,ValidationException",
        "alias/with space,ValidationException",
        "alias/é,ValidationException",
        "alias/aws/reserved,InvalidAliasNameException",
        "alias/,InvalidAliasNameException",
    })
    void invalid_alias_names(String name, String type) {
        assertThatThrownBy(() -> KeyAliases.validateName(name)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void alias_name_length() {
        assertThatCode(() -> KeyAliases.validateName("alias/" + "x".repeat(250))).doesNotThrowAnyException();
        assertThatThrownBy(() -> KeyAliases.validateName("alias/" + "x".repeat(251)))
                .hasMessageContaining("less than or equal to 256");
    }

    private static String tagError(List<Map.Entry<String, String>> tags) {
        try {
            KeyTags.validate(tags);
            return "ok";
        } catch (AwsException e) {
            return e.type() + ": " + e.getMessage();
        }
    }

    @Test
    void tag_rules() {
        assertThat(tagError(List.of(Map.entry("a", ""), Map.entry("b", "x".repeat(256))))).isEqualTo("ok");
        assertThat(tagError(List.of(Map.entry("a", "1"), Map.entry("a", "2"))))
                .isEqualTo("TagException: Duplicate tag keys");
        assertThat(tagError(List.of(Map.entry("aws:x", "1")))).isEqualTo("TagException: Tags beginning with aws: are "
                + "reserved");
        assertThat(tagError(List.of(Map.entry("Aws:x", "1")))).startsWith("TagException");
        assertThat(tagError(List.of(Map.entry("k", "x".repeat(257)))))
                .contains("at 'tags.1.member.tagValue' failed to satisfy constraint");
        assertThat(tagError(List.of(Map.entry("ok", "1"), Map.entry("k".repeat(129), "v"))))
                .contains("at 'tags.2.member.tagKey'");
        List<Map.Entry<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.entry("k" + i, "v"));
        }
        assertThat(tagError(many)).isEqualTo("TagException: Too many tags");
        assertThat(tagError(many.subList(0, 50))).isEqualTo("ok");
    }
}
