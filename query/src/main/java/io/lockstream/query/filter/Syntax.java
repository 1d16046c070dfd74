package io.lockstream.query.filter;

import io.lockstream.common.aws.AwsException;

/**
 * A cursor over a pattern string plus the lexical rules the three pattern families share. Not thread-safe; one
 * instance lives only for the duration of one {@link FilterPattern#compile(String)} call.
 */
final class Syntax {
    /** The exact message FilterLogEvents answers with for a malformed pattern (aws-wire.md §3). */
    static final String INVALID_MESSAGE = "Invalid filter pattern";

    final String text;
    int pos;

    Syntax(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    static AwsException invalid() {
        return AwsException.invalidParameter(INVALID_MESSAGE);
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean startsWith(String token) {
        return text.startsWith(token, pos);
    }

    void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    void expect(char c) {
        if (peek() != c || atEnd()) {
            throw invalid();
        }
        pos++;
    }

    /** Consumes {@code word} if it is next and is followed by a non-word character (or the end). */
    boolean tryKeyword(String word) {
        if (!text.regionMatches(true, pos, word, 0, word.length())) {
            return false;
        }
        int end = pos + word.length();
        if (end < text.length() && isWordChar(text.charAt(end))) {
            return false;
        }
        pos = end;
        return true;
    }

    /** Letters, digits and underscore: the characters an unquoted term or field name may contain. */
    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /**
     * Reads a double-quoted string starting at the opening quote. {@code \"} and {@code \\} are escapes (the form the
     * AWS CDK emits when it quotes terms); any other backslash is kept literally. Unterminated ⇒ invalid.
     */
    String readQuoted() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                out.append(text.charAt(pos++));
            } else {
                out.append(c);
            }
        }
        throw invalid();
    }

    /** Reads {@code %regex%} starting at the opening {@code %}; returns the compiled regex. */
    java.util.regex.Pattern readRegex() {
        expect('%');
        int close = text.indexOf('%', pos);
        if (close < 0) {
            throw invalid();
        }
        String body = text.substring(pos, close);
        pos = close + 1;
        return RegexSubset.compile(body);
    }
}
