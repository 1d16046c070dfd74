package io.lockstream.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON patterns, with every example of AWS's "Matching terms in JSON log events" section. */
class JsonPatternTest {
    /** The doc's example event ("Example: JSON log event"), on one line as the doc says to test it. */
    static final String EVENT = "{\"eventType\": \"UpdateTrail\", \"sourceIPAddress\": \"111.111.111.111\","
            + " \"arrayKey\": [\"value\", \"another value\"],"
            + " \"objectList\": [{\"name\": \"a\", \"id\": 1}, {\"name\": \"b\", \"id\": 2}], \"SomeObject\": null}";

    /** The doc's compound-expression object ("Example: JSON object"). */
    static final String USERS = "{\"user\": {\"id\": 1, \"email\": \"John.Stiles@example.com\"},"
            + " \"users\": [{\"id\": 2, \"email\": \"John.Doe@example.com\"}, {\"id\": 3, \"email\": \"Jane.Doe@example.com\"}],"
            + " \"actions\": [\"GET\", \"PUT\", \"DELETE\"], \"coordinates\": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}";

    static Stream<Arguments> documentedExamples() {
        return Stream.of(
                Arguments.of("{ $.eventType = \"UpdateTrail\" }", EVENT, true),
                // "matches ... because it doesn't contain a number with the prefix 123.123"
                Arguments.of("{ $.sourceIPAddress != 123.123.* }", EVENT, true),
                Arguments.of("{ $.arrayKey[0] = \"value\" }", EVENT, true),
                Arguments.of("{ $.objectList[1].id = 2 }", EVENT, true),
                Arguments.of("{ $.SomeObject IS NULL }", EVENT, true),
                Arguments.of("{ $.SomeOtherObject NOT EXISTS }", EVENT, true),
                // dimensions section: property exists, and not in 123.123.*
                Arguments.of("{ $.eventType = \"*\" && $.sourceIPAddress != 123.123.* }", EVENT, true),
                // compound examples: match, match (&& binds tighter), no match, no match
                Arguments.of("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true),
                Arguments.of("{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\""
                        + " && $.actions[2] = \"nonmatch\" }", USERS, true),
                Arguments.of("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\")"
                        + " && $.actions[2] = \"nonmatch\" }", USERS, false),
                Arguments.of("{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }",
                        USERS, false),
                // "Using values in log events": { $.latency = * } on {"latency": 50, "requestType": "GET"}
                Arguments.of("{ $.latency = * }", "{\"latency\": 50, \"requestType\": \"GET\"}", true),
                Arguments.of("{ $.latency = * }", "{\"requestType\": \"GET\"}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedExamples")
    void documentedExamples(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(message)).isEqualTo(expected);
    }

    static Stream<Arguments> numericExamples() {
        String m = "{\"bandwidth\": 80, \"latency\": 49.5, \"refreshRate\": 60, \"responseTime\": 5,"
                + " \"errorCode\": 400, \"number\": [0.001], \"numbers\": [0.009], \"big\": 1001}";
        return Stream.of(
                // the doc's numeric operator examples
                Arguments.of("{ $.bandwidth > 75 }", m, true),
                Arguments.of("{ $.latency < 50 }", m, true),
                Arguments.of("{ $.refreshRate >= 60 }", m, true),
                Arguments.of("{ $.responseTime <= 5 }", m, true),
                Arguments.of("{ $.errorCode = 400}", m, true),
                Arguments.of("{ $.errorCode != 500 }", m, true),
                Arguments.of("{ $.number[0] = 1e-3 }", m, true),
                Arguments.of("{ $.number[0] != 1e+3 }", m, true),
                // live page variants: 10e-3 and an explicit plus sign
                Arguments.of("{ $.numbers[0] < 10e-3 }", m, true),
                Arguments.of("{ $.big > +1000 }", m, true),
                // floats and negatives
                Arguments.of("{ $.t < -1.5 }", "{\"t\": -2.25}", true),
                Arguments.of("{ $.t > -1.5 }", "{\"t\": -2.25}", false),
                Arguments.of("{ $.t = -2.250 }", "{\"t\": -2.25}", true),
                Arguments.of("{ $.t = 0.1 }", "{\"t\": 0.1}", true),
                Arguments.of("{ $.t >= 1E2 }", "{\"t\": 100}", true),
                Arguments.of("{ $.t = 12345678901234567890 }", "{\"t\": 12345678901234567890}", true),
                Arguments.of("{ $.t = 12345678901234567891 }", "{\"t\": 12345678901234567890}", false),
                Arguments.of("{ $.t > .5 }", "{\"t\": 0.75}", true),
                // a decimal keeps its written form for string tests
                Arguments.of("{ $.t = \"1.50\" }", "{\"t\": 1.50}", true),
                Arguments.of("{ $.t = 1.5 }", "{\"t\": 1.50}", true),
                // a numeric string in the event compares as a number; a non-number never orders
                Arguments.of("{ $.t > 10 }", "{\"t\": \"50\"}", true),
                Arguments.of("{ $.t > 10 }", "{\"t\": \"fifty\"}", false),
                Arguments.of("{ $.t < 10 }", "{\"t\": true}", false),
                // without spaces
                Arguments.of("{$.a=1&&$.b>=2}", "{\"a\": 1, \"b\": 2}", true));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("numericExamples")
    void numericComparisons(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(message)).isEqualTo(expected);
    }

    static Stream<Arguments> stringAndSelectorCases() {
        return Stream.of(
                // aws-wire §3.2: case-sensitive; non-JSON never matches
                Arguments.of("{ $.level = \"ERROR\" }", "{\"level\":\"ERROR\",\"msg\":\"x\"}", true),
                Arguments.of("{ $.level = \"ERROR\" }", "{\"level\":\"error\"}", false),
                Arguments.of("{ $.level = \"ERROR\" }", "level=ERROR", false),
                Arguments.of("{ $.level = ERROR }", "{\"level\":\"ERROR\"}", true),
                // wildcards only at the ends: *Event, Event*, *ven*; Ev*ent is literal
                Arguments.of("{ $.e = \"*Event\" }", "{\"e\":\"PutEvent\"}", true),
                Arguments.of("{ $.e = Event* }", "{\"e\":\"EventId\"}", true),
                Arguments.of("{ $.e = *ven* }", "{\"e\":\"PutEventId\"}", true),
                Arguments.of("{ $.e = \"Ev*ent\" }", "{\"e\":\"Event\"}", false),
                Arguments.of("{ $.e = \"Ev*ent\" }", "{\"e\":\"Ev*ent\"}", true),
                Arguments.of("{ $.e != \"*Event\" }", "{\"e\":\"PutEvent\"}", false),
                // the selector must reach a value node: arrays/objects fail both = and != (2020 doc text)
                Arguments.of("{ $.users = 1 }", USERS, false),
                Arguments.of("{ $.users != 1 }", USERS, false),
                Arguments.of("{ $.user != 1 }", USERS, false),
                // a JSON message whose selector is missing: comparisons fail, NOT EXISTS holds
                Arguments.of("{ $.missing = \"x\" }", USERS, false),
                Arguments.of("{ $.missing != \"x\" }", USERS, false),
                Arguments.of("{ $.missing NOT EXISTS }", USERS, true),
                Arguments.of("{ $.user.id NOT EXISTS }", USERS, false),
                Arguments.of("{ $.user.id.deeper NOT EXISTS }", USERS, true),
                Arguments.of("{ $.users[9].id NOT EXISTS }", USERS, true),
                Arguments.of("{ $.missing IS NULL }", USERS, false),
                // IS TRUE / IS FALSE / IS NULL need the right JSON type
                Arguments.of("{ $.ok IS TRUE }", "{\"ok\": true}", true),
                Arguments.of("{ $.ok IS TRUE }", "{\"ok\": \"true\"}", false),
                Arguments.of("{ $.ok IS FALSE }", "{\"ok\": false}", true),
                Arguments.of("{ $.ok IS FALSE }", "{\"ok\": true}", false),
                Arguments.of("{ $.ok IS NULL }", "{\"ok\": false}", false),
                // CDK's FilterPattern.all/any example
                Arguments.of("{ ($.component = \"HttpServer\") && (($.error IS TRUE) || ($.latency > 1000)) }",
                        "{\"component\":\"HttpServer\",\"error\":false,\"latency\":1500}", true),
                // nested arrays and [*]
                Arguments.of("{ $.coordinates[2][0] = 7 }", USERS, true),
                Arguments.of("{ $.coordinates[*][1] = 5 }", USERS, true),
                Arguments.of("{ $.coordinates[*][*] > 8 }", USERS, true),
                Arguments.of("{ $.coordinates[*][*] > 9 }", USERS, false),
                Arguments.of("{ $.users[*].email = \"Jane*\" }", USERS, true),
                Arguments.of("{ $.actions[*] = \"PATCH\" }", USERS, false),
                Arguments.of("{ $.actions[*] NOT EXISTS }", "{\"actions\": []}", true),
                // quoted property names
                Arguments.of("{ $[\"dotted.name\"] = 1 }", "{\"dotted.name\": 1}", true),
                Arguments.of("{ $.a[\"b c\"].d = x }", "{\"a\": {\"b c\": {\"d\": \"x\"}}}", true),
                Arguments.of("{ $.dash-name_1 = 1 }", "{\"dash-name_1\": 1}", true),
                // regex values
                Arguments.of("{ $.msg = %time[d]? out% }", "{\"msg\": \"connection timed out\"}", true),
                Arguments.of("{ $.msg != %^conn% }", "{\"msg\": \"connection timed out\"}", false),
                Arguments.of("{ $.a = %x% || $.b = %y% }", "{\"b\": \"zyz\"}", true),
                // unicode in the event and in the pattern
                Arguments.of("{ $.city = \"Zürich\" }", "{\"city\": \"Zürich\", \"emoji\": \"🚀\"}", true),
                Arguments.of("{ $.emoji = \"*🚀\" }", "{\"emoji\": \"go 🚀\"}", true),
                // not an object, or trailing junk: no match
                Arguments.of("{ $.a = 1 }", "[{\"a\": 1}]", false),
                Arguments.of("{ $.a = 1 }", "{\"a\": 1} trailing", false),
                Arguments.of("{ $.a = 1 }", "{\"a\": 1", false),
                Arguments.of("{ $.a = 1 }", "  {\"a\": 1}  ", true));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stringAndSelectorCases")
    void stringsSelectorsAndEdgeCases(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.compile(pattern).matches(message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {
        "{ $.a = 1",                 // unbalanced brace
        "{ $.a = 1 }}",
        "{ ($.a = 1 }",              // unbalanced parenthesis
        "{ $.a = 1) }",
        "{ }",
        "{ $.a }",                   // no operator
        "{ $.a EXISTS }",            // doc: EXISTS alone is not supported
        "{ $.a IS NOT NULL }",       // doc: IS NOT is not supported
        "{ $.a IS MAYBE }",
        "{ $.a = }",
        "{ $.a = \"open }",          // unbalanced quote
        "{ $.a > \"x\" }",           // ordering needs a number
        "{ $.a >= abc }",
        "{ $.a == 1 }",
        "{ a = 1 }",                 // selector must start with $
        "{ $ = 1 }",
        "{ $. = 1 }",
        "{ $.a[ = 1 }",
        "{ $.a[x] = 1 }",
        "{ $.a = 1 && }",
        "{ $.a = 1 || || $.b = 2 }",
        "{ $.a = 1 } ERROR",
        "{ $.a = %x% || $.b = %y% || $.c = %z% }",  // at most 2 regexes per pattern
        "{ $.a = %(x)% }",
    })
    void invalidJsonPatterns(String pattern) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern))
                .isInstanceOf(AwsException.class)
                .hasMessage("Invalid filter pattern");
    }

    @Test
    void nonJsonMessagesAreRejectedWithoutParsing() {
        FilterPattern p = FilterPattern.compile("{ $.a NOT EXISTS }");
        assertThat(p.matches("a plain line")).isFalse();
        assertThat(p.matches("")).isFalse();
        assertThat(p.matches("{not json")).isFalse();
        assertThat(p.matches("{}")).isTrue();
    }
}
