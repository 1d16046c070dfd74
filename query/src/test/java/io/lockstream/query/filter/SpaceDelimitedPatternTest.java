package io.lockstream.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Space-delimited patterns, with every example of AWS's "Matching terms in space-delimited log events" section. */
class SpaceDelimitedPatternTest {
    /** The doc's space-delimited log event: seven fields. */
    static final String APACHE =
            "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    static Stream<Arguments> documentedExamples() {
        return Stream.of(
                Arguments.of("[ip, user, username, timestamp, request =*.html*, status_code = 4*, bytes]", APACHE, true),
                Arguments.of("[..., request =*.html*, status_code = 4*, bytes]", APACHE, true),
                Arguments.of("[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410,"
                        + " bytes]", APACHE, true),
                Arguments.of("[ip, server, username, timestamp, request, status_code, bytes > 1000]", APACHE, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code, bytes]", APACHE, true),
                Arguments.of("[ip, user, ...]", APACHE, true),
                // "[w1=ERROR, w2]": the first word is ERROR
                Arguments.of("[w1=ERROR, w2]", "ERROR something bad happened", true),
                Arguments.of("[w1=ERROR, w2]", "WARNING something", false),
                // "[w1=ERROR || W1=WARNING, w2]"
                Arguments.of("[w1=ERROR || W1=WARNING, w2]", "WARNING disk 91% full", true),
                Arguments.of("[w1=ERROR || W1=WARNING, w2]", "INFO all good", false),
                // "[w1!=ERROR && w1!=WARNING, w2]"
                Arguments.of("[w1!=ERROR && w1!=WARNING, w2]", "INFO all good", true),
                Arguments.of("[w1!=ERROR && w1!=WARNING, w2]", "ERROR bad", false));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("documentedExamples")
    void documentedExamples(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(message)).isEqualTo(expected);
    }

    static Stream<Arguments> moreCases() {
        return Stream.of(
                Arguments.of("[..., status_code = 404 || status_code = 410, bytes]", APACHE.replace("404", "410"), true),
                Arguments.of("[..., status_code = 404 || status_code = 410, bytes]", APACHE.replace("404", "200"), false),
                Arguments.of("[..., status_code = 4*, bytes > 2000]", APACHE, false),
                Arguments.of("[..., status_code >= 400 && status_code < 500, bytes]", APACHE, true),
                Arguments.of("[ip = 127.0.0.*, ...]", APACHE, true),
                Arguments.of("[ip = \"127.0.0.1\", ...]", APACHE, true),
                Arguments.of("[ip != 10.*, ...]", APACHE, true),
                // bracketed and quoted fields are one field, delimiters removed
                Arguments.of("[ip, user, username, timestamp = \"10/Oct/2000:13:25:15 -0700\", ...]", APACHE, true),
                Arguments.of("[..., request = \"GET /index.html HTTP/1.0\", status_code, bytes]", APACHE, true),
                Arguments.of("[..., request = %^GET /index%, status_code, bytes]", APACHE, true),
                Arguments.of("[..., request != %POST%, status_code, bytes]", APACHE, true),
                // too few fields never match; ellipsis may stand for zero fields
                Arguments.of("[a, b, c]", "one two", false),
                Arguments.of("[a, ..., b]", "one two", true),
                Arguments.of("[..., a, b]", "one two", true),
                Arguments.of("[a, ..., b = two]", "one x y two", true),
                Arguments.of("[..., a = x, ...]", "p q x r", true),
                Arguments.of("[..., a = x, ...]", "p q r", false),
                // more fields than names: the last name takes the rest of the line
                Arguments.of("[a, rest = \"two three\"]", "one two three", true),
                Arguments.of("[a = one]", "one two", false),
                // numeric comparisons on floats and negatives
                Arguments.of("[name, temp < -10.5]", "probe -12.25", true),
                Arguments.of("[name, temp < -10.5]", "probe -9", false),
                Arguments.of("[name, temp = 1.50]", "probe 1.5", true),
                Arguments.of("[name, temp > 1e3]", "probe 1500.0", true),
                Arguments.of("[name, temp > 0]", "probe n/a", false),
                Arguments.of("[name, temp != 0]", "probe n/a", true),
                // unicode fields
                Arguments.of("[city = Zürich, status]", "Zürich 🚀", true),
                Arguments.of("[city, status = \"🚀\"]", "東京 🚀", true),
                // whitespace runs and tabs separate fields too
                Arguments.of("[a, b = 2, c]", "  1 \t 2    3 ", true));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("moreCases")
    void conditionsAndFieldSplitting(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(message)).isEqualTo(expected);
    }

    @Test
    void splitsTheDocsApacheLineIntoSevenFields() {
        SpaceDelimitedPattern.Fields f = SpaceDelimitedPattern.Fields.split(APACHE);
        assertThat(Arrays.copyOf(f.values, f.size)).containsExactly("127.0.0.1", "Prod", "frank",
                "10/Oct/2000:13:25:15 -0700", "GET /index.html HTTP/1.0", "404", "1534");
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {
        "[ip, user",                        // unbalanced bracket
        "[ip, user]]",
        "[]",
        "[ip,, user]",
        "[ip user]",
        "[ip, status_code = ]",
        "[ip, request = \"GET]",            // unbalanced quote
        "[ip, bytes > abc]",                // ordering needs a number
        // aws-docs#21: a condition across two fields is rejected by AWS
        "[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]",
        "[w1=ERROR ||, w2]",
        "[= ERROR, w2]",
        "[a = %x%, b = %y%, c = %z%]",     // at most 2 regexes per pattern
        "[a, ....]",
        "[a] b",
    })
    void invalidSpaceDelimitedPatterns(String pattern) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern))
                .isInstanceOf(AwsException.class)
                .hasMessage("Invalid filter pattern");
    }
}
