package io.lockstream.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unstructured term patterns and stand-alone {@code %regex%}, with the examples of AWS's "Filter pattern syntax"
 * page (section "Matching terms in unstructured log events" and "Supported regular expressions (regex) syntax").
 */
class TermPatternTest {
    // The four sample events the doc uses for its term examples.
    static final String E400 = "[ERROR 400] BAD REQUEST";
    static final String E401 = "[ERROR 401] UNAUTHORIZED REQUEST";
    static final String E419 = "[ERROR 419] MISSING ARGUMENTS";
    static final String E420 = "[ERROR 420] INVALID ARGUMENTS";
    static final String E500 = "[ERROR 500] INTERNAL SERVER ERROR";
    static final String S200 = "[SUCCESS 200] AUTHORIZED REQUEST";

    static Stream<Arguments> documentedExamples() {
        return Stream.of(
                // doc "Match a single term": ERROR
                Arguments.of("ERROR", List.of(E400, E401, E419, E420), List.of(S200)),
                // doc "Match multiple terms": ERROR ARGUMENTS
                Arguments.of("ERROR ARGUMENTS", List.of(E419, E420), List.of(E400, E401)),
                // doc "Match single and multiple terms": ?ERROR ?ARGUMENTS
                Arguments.of("?ERROR ?ARGUMENTS", List.of(E400, E401, E419, E420), List.of(S200)),
                // doc "Match exact phrases": "INTERNAL SERVER ERROR"
                Arguments.of("\"INTERNAL SERVER ERROR\"", List.of(E500), List.of(E400, "INTERNAL ERROR SERVER")),
                // doc "Include and exclude terms": ERROR -ARGUMENTS
                Arguments.of("ERROR -ARGUMENTS", List.of(E400, E401), List.of(E419, E420)),
                // doc "Match everything": " "
                Arguments.of("\" \"", List.of(E400, S200, "", "x"), List.of()),
                // older doc text: "" matches everything
                Arguments.of("\"\"", List.of(E400, ""), List.of()),
                // 2020 doc text: ERROR matches "Exiting with ERRORCODE: -1" (substring)
                Arguments.of("ERROR", List.of("Exiting with ERRORCODE: -1", "[ERROR] A fatal exception has occurred"),
                        List.of("error lower case")),
                // 2020 doc text: ?ERROR ?WARN / ERROR WARN / ERROR -WARN on three lines
                Arguments.of("?ERROR ?WARN", List.of("ERROR WARN message", "ERROR message", "WARN message"),
                        List.of("INFO message")),
                Arguments.of("ERROR WARN", List.of("ERROR WARN message"), List.of("ERROR message", "WARN message")),
                Arguments.of("ERROR -WARN", List.of("ERROR message"), List.of("ERROR WARN message", "WARN message")),
                // brief / common use: ERROR -Exiting
                Arguments.of("ERROR -Exiting", List.of("ERROR disk full"), List.of("ERROR Exiting now")),
                // PR#31: several quoted phrases are ANDed
                Arguments.of("\"ERROR\" \"Exception\"", List.of("ERROR: NullPointerException"),
                        List.of("ERROR only", "Exception only")),
                // Lightsail/CWL API doc: -ERROR, ERROR Exception, ?ERROR ?Exception
                Arguments.of("-ERROR", List.of("all good"), List.of(E400)),
                Arguments.of("ERROR Exception", List.of("ERROR Exception"), List.of("ERROR")),
                Arguments.of("?ERROR ?Exception", List.of("ERROR", "Exception"), List.of("ok")),
                // jorgebastida/awslogs#381: "ORDER-ITEM-1" quoted because of '-'
                Arguments.of("\"ORDER-ITEM-1\"", List.of("placed ORDER-ITEM-1 ok"), List.of("ORDER-ITEM-2")),
                // CDK anyTermGroup(["ERROR","MainThread"],["WARN","Deadlock"]) renders as this:
                Arguments.of("?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"",
                        List.of("ERROR in MainThread", "WARN Deadlock detected"),
                        List.of("ERROR in worker", "WARN MainThread", "Deadlock")),
                // escaped quote inside a phrase
                Arguments.of("\"say \\\"hi\\\"\"", List.of("they say \"hi\" loudly"), List.of("they say hi")),
                // terms are case-sensitive
                Arguments.of("Error", List.of("Error: x"), List.of("ERROR: x", "error: x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedExamples")
    void documentedTermExamples(String pattern, List<String> matching, List<String> notMatching) {
        FilterPattern p = FilterPattern.compile(pattern);
        assertThat(matching).allSatisfy(m -> assertThat(p.matches(m)).as("%s matches %s", pattern, m).isTrue());
        assertThat(notMatching).allSatisfy(m -> assertThat(p.matches(m)).as("%s rejects %s", pattern, m).isFalse());
    }

    static Stream<Arguments> regexExamples() {
        return Stream.of(
                // regex doc: %AUTHORIZED% returns both of these
                Arguments.of("%AUTHORIZED%", List.of(E401, S200), List.of(E400)),
                // regex doc: %\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}% matches any IP address format
                Arguments.of("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", List.of("from 10.0.12.255 port 22"),
                        List.of("from localhost")),
                // regex doc: %[Ee]rror|[Ff]ail% catches Error/error and Fail/fail
                Arguments.of("%[Ee]rror|[Ff]ail%", List.of("an error", "Error!", "Failed", "will fail"),
                        List.of("ERROR", "FAIL")),
                // regex doc: %^[hc]at% at the start only; %[hc]at$% at the end only
                Arguments.of("%^[hc]at%", List.of("hat trick", "cat"), List.of("the cat")),
                Arguments.of("%[hc]at$%", List.of("the hat", "cat"), List.of("cat nap")),
                // regex doc: %colou?r%
                Arguments.of("%colou?r%", List.of("color", "colour"), List.of("colr")),
                // regex doc: %[abc]%, %[a-z]%, %[abcx-z]%
                Arguments.of("%[abc]%", List.of("a", "xbx"), List.of("xyz")),
                Arguments.of("%[a-z]%", List.of("Ab"), List.of("AB1")),
                Arguments.of("%[abcx-z]%", List.of("y"), List.of("d")),
                // regex doc: %a{3,5}% matches aaa (and contains-match means longer runs too)
                Arguments.of("%a{3,5}%", List.of("aaa", "baaaab"), List.of("aa")),
                // regex doc: %gray|grey%, %10\.10\.0\.1%
                Arguments.of("%gray|grey%", List.of("gray", "grey"), List.of("green")),
                Arguments.of("%10\\.10\\.0\\.1%", List.of("ip=10.10.0.1"), List.of("ip=10a10b0c1")),
                // regex doc symbol list includes ':' '_' '#' '=' '@' '/' ';' ',' '-'
                Arguments.of("%user=[a-z_]+@example#1/a;b,c-d:e%", List.of("user=jo_e@example#1/a;b,c-d:e"),
                        List.of("user=JOE@example#1/a;b,c-d:e")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regexExamples")
    void documentedRegexExamples(String pattern, List<String> matching, List<String> notMatching) {
        FilterPattern p = FilterPattern.compile(pattern);
        assertThat(matching).allSatisfy(m -> assertThat(p.matches(m)).as("%s matches %s", pattern, m).isTrue());
        assertThat(notMatching).allSatisfy(m -> assertThat(p.matches(m)).as("%s rejects %s", pattern, m).isFalse());
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {
        "ORDER-ITEM-1",       // non-alphanumeric term must be quoted (awslogs#381)
        "user@example.com",
        "ERROR:",
        "\"unterminated",     // unbalanced quote
        "ERROR \"open",
        "\"a\"b",             // junk glued to a phrase
        "?",                  // prefix without a term
        "ERROR -",
        "?-ERROR",
        "%something!%",       // regex doc: '!' is rejected
        "%(ab)+%",            // regex doc: no parentheses
        "%a\\(b%",            // not even escaped
        "%h\u00e9llo%",       // regex doc: no multi-byte characters
        "%%",                 // empty regex
        "%abc",               // unterminated regex
        "%abc% ERROR",        // a regex is a stand-alone pattern
        "%a{2%",              // Java rejects it too
        "%\\p{Alpha}%",       // escapes beyond the documented set
        "%\\1%",
        "ERROR }",
    })
    void invalidTermPatterns(String pattern) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern))
                .isInstanceOf(AwsException.class)
                .hasMessage("Invalid filter pattern")
                .satisfies(e -> assertThat(((AwsException) e).type()).isEqualTo("InvalidParameterException"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ERROR", "  ERROR  ", "\tERROR\n"})
    void surroundingWhitespaceIsIgnored(String pattern) {
        assertThat(FilterPattern.compile(pattern).matches(E400)).isTrue();
    }
}
