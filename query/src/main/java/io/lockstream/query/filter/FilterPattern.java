package io.lockstream.query.filter;

import io.lockstream.common.aws.AwsException;
import java.util.regex.Pattern;

/**
 * A compiled CloudWatch Logs filter pattern, as taken by {@code FilterLogEvents} (and metric/subscription filters).
 *
 * <p>The family is chosen by the first non-blank character of the pattern:
 * <ul>
 *   <li>{@code {} — a JSON pattern such as {@code { $.level = "ERROR" && $.latency > 500 }}; only messages that
 *       are JSON objects can match;</li>
 *   <li>{@code [} — a space-delimited pattern such as {@code [ip, user, ..., status_code = 404, bytes > 1000]};</li>
 *   <li>{@code %} — a regular expression {@code %regex%} found anywhere in the message;</li>
 *   <li>anything else — unstructured terms: {@code ERROR ARGUMENTS}, {@code "INTERNAL SERVER ERROR"},
 *       {@code ?ERROR ?WARN}, {@code ERROR -ARGUMENTS}. Matching is case-sensitive substring search.</li>
 * </ul>
 * A {@code null}, empty or blank pattern matches every message. The full grammar and the deliberate omissions
 * are in this package's {@code README.md}.
 *
 * <p>Instances are immutable and thread-safe: compile once and call {@link #matches(String)} from any number of
 * threads. Matching never compiles a regular expression, and JSON patterns parse a message only if its first
 * non-blank character is {@code {}.
 */
public final class FilterPattern {
    /** The FilterLogEvents {@code filterPattern} length limit (API reference: length 0–1024). */
    public static final int MAX_LENGTH = 1024;

    /** At most this many {@code %regex%} values inside one JSON or space-delimited pattern (AWS regex doc). */
    static final int MAX_REGEXES_PER_PATTERN = 2;

    private static final FilterPattern MATCH_ALL = new FilterPattern("", message -> true);

    /** The compiled form of one pattern family. */
    interface Matcher {
        boolean matches(String message);
    }

    private final String pattern;
    private final Matcher matcher;

    private FilterPattern(String pattern, Matcher matcher) {
        this.pattern = pattern;
        this.matcher = matcher;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param pattern the filter pattern; {@code null}, empty or blank matches everything
     * @return the compiled pattern
     * @throws AwsException {@code InvalidParameterException} (HTTP 400) with message {@code "Invalid filter pattern"}
     *                      if the pattern is malformed or longer than {@value #MAX_LENGTH} characters
     */
    public static FilterPattern compile(String pattern) {
        if (pattern == null) {
            return MATCH_ALL;
        }
        if (pattern.length() > MAX_LENGTH && pattern.codePointCount(0, pattern.length()) > MAX_LENGTH) {
            throw Syntax.invalid();
        }
        String p = pattern.strip();
        if (p.isEmpty()) {
            return pattern.isEmpty() ? MATCH_ALL : new FilterPattern(pattern, MATCH_ALL.matcher);
        }
        Matcher m;
        switch (p.charAt(0)) {
            case '{':
                m = JsonPattern.parse(p);
                break;
            case '[':
                m = SpaceDelimitedPattern.parse(p);
                break;
            case '%':
                m = regex(p);
                break;
            default:
                m = TermPattern.parse(p);
        }
        return new FilterPattern(pattern, m);
    }

    /** A stand-alone {@code %regex%}: the whole pattern is one expression. */
    private static Matcher regex(String p) {
        Syntax s = new Syntax(p, 0);
        Pattern regex = s.readRegex();
        if (!s.atEnd()) {
            throw Syntax.invalid();
        }
        return message -> regex.matcher(message).find();
    }

    /**
     * Whether {@code message} matches this pattern.
     *
     * @param message a log event message; {@code null} is treated as the empty message
     * @return {@code true} if the event should be returned by FilterLogEvents
     */
    public boolean matches(String message) {
        return matcher.matches(message == null ? "" : message);
    }

    /** The pattern text exactly as given to {@link #compile(String)} ({@code ""} for {@code null}). */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return "FilterPattern[" + pattern + "]";
    }
}
