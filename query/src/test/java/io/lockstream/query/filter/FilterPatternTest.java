package io.lockstream.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cross-family behaviour: empty patterns, the length limit, the error shape, unicode, thread-safety. */
class FilterPatternTest {
    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n"})
    void nullEmptyOrBlankMatchesEverything(String pattern) {
        FilterPattern p = FilterPattern.compile(pattern);
        assertThat(p.matches("anything")).isTrue();
        assertThat(p.matches("")).isTrue();
        assertThat(p.matches("{\"json\": true}")).isTrue();
        assertThat(p.matches(null)).isTrue();
    }

    @Test
    void patternOf1024CharactersIsAcceptedAnd1025IsNot() {
        String ok = "\"" + "a".repeat(1022) + "\"";
        assertThat(ok).hasSize(1024);
        assertThat(FilterPattern.compile(ok).matches("x" + "a".repeat(1022) + "x")).isTrue();

        String tooLong = "a".repeat(1025);
        assertThatThrownBy(() -> FilterPattern.compile(tooLong))
                .isInstanceOf(AwsException.class)
                .hasMessage("Invalid filter pattern");
        assertThatThrownBy(() -> FilterPattern.compile("{ $.a = " + "1".repeat(1100) + " }"))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String rockets = "\"" + "🚀".repeat(1000) + "\""; // 1002 code points, 2002 UTF-16 units
        assertThat(FilterPattern.compile(rockets).matches("🚀".repeat(1000))).isTrue();
    }

    @Test
    void invalidPatternIsAnInvalidParameterException400() {
        assertThatThrownBy(() -> FilterPattern.compile("{ $.a = 1"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidParameterException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid filter pattern");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{", "[", "\"", "(", "%", "{ $.a = \"x }", "[a, \"b]"})
    void unbalancedDelimitersAreInvalid(String pattern) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern))
                .isInstanceOf(AwsException.class)
                .hasMessage("Invalid filter pattern");
    }

    @Test
    void unicodeMessagesAndTerms() {
        assertThat(FilterPattern.compile("\"Grüße aus Köln\"").matches("[INFO] Grüße aus Köln 🚀")).isTrue();
        assertThat(FilterPattern.compile("東京").matches("地震 東京 警報")).isTrue();
        assertThat(FilterPattern.compile("東京").matches("大阪")).isFalse();
        assertThat(FilterPattern.compile("\"🚀\"").matches("launch 🚀 now")).isTrue();
        assertThat(FilterPattern.compile("%launch%").matches("🚀 launch 🚀")).isTrue();
    }

    @Test
    void patternTextIsKept() {
        assertThat(FilterPattern.compile(" ERROR ").pattern()).isEqualTo(" ERROR ");
        assertThat(FilterPattern.compile(null).pattern()).isEmpty();
        assertThat(FilterPattern.compile("ERROR")).hasToString("FilterPattern[ERROR]");
    }

    @Test
    void compiledPatternsAreSafeToShareAcrossThreads() throws Exception {
        FilterPattern json = FilterPattern.compile("{ $.n > 500 && $.tag = \"t*\" }");
        FilterPattern space = FilterPattern.compile("[..., status = 5*, bytes > 100]");
        FilterPattern regex = FilterPattern.compile("%id=[0-9]*5$%");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int hits = 0;
                    for (int i = 0; i < 2_000; i++) {
                        boolean expected = i > 500;
                        if (json.matches("{\"n\": " + i + ", \"tag\": \"tx\"}") != expected
                                || space.matches("GET /x " + (expected ? 503 : 200) + " 1000") != expected
                                || regex.matches("id=" + i) != (i % 10 == 5)) {
                            throw new AssertionError("wrong answer at " + i);
                        }
                        hits++;
                    }
                    return hits;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void matchingIsFastEnoughForBulkScans() {
        FilterPattern terms = FilterPattern.compile("?ERROR ?WARN -healthcheck");
        FilterPattern json = FilterPattern.compile("{ $.level = \"ERROR\" }");
        String plain = "2024-01-01T00:00:00Z INFO request served in 12 ms path=/api/v1/items status=200";
        long start = System.nanoTime();
        int hits = 0;
        for (int i = 0; i < 1_000_000; i++) {
            hits += terms.matches(plain) ? 1 : 0;
            hits += json.matches(plain) ? 1 : 0; // not JSON: rejected by the first-character check
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(hits).isZero();
        assertThat(millis).as("2M matches took %d ms", millis).isLessThan(5_000);
    }
}
