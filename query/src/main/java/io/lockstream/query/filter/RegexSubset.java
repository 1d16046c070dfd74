package io.lockstream.query.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular-expression subset CloudWatch Logs accepts between {@code %...%} (AWS "Supported regular expressions
 * (regex) syntax"): ASCII letters and digits, the symbols {@code : _ # = @ / ; , -}, the operators
 * {@code ^ $ ? [ ] { } | \ * + .}; no parentheses (so no groups, look-arounds or inline flags) and no multi-byte
 * characters. Escapes are limited to the character classes {@code \d \D \w \W \s \S}, the boundaries {@code \b \B},
 * {@code \t \n \r} and escaped allowed punctuation (for example {@code \.}), which keeps every accepted expression
 * meaning the same in {@link java.util.regex} as in a POSIX-style engine.
 */
final class RegexSubset {
    private static final String SYMBOLS = ":_#=@/;,- ";
    private static final String OPERATORS = "^$?[]{}|\\*+.";
    private static final String ESCAPE_LETTERS = "dDwWsSbBtnr";

    private RegexSubset() {
    }

    static Pattern compile(String body) {
        if (body.isEmpty()) {
            throw Syntax.invalid();
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length()) {
                    throw Syntax.invalid();
                }
                char next = body.charAt(++i);
                if (!(ESCAPE_LETTERS.indexOf(next) >= 0 || (allowed(next) && !isAsciiAlnum(next)))) {
                    throw Syntax.invalid();
                }
            } else if (!allowed(c)) {
                throw Syntax.invalid();
            }
        }
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            throw Syntax.invalid();
        }
    }

    private static boolean allowed(char c) {
        return isAsciiAlnum(c) || SYMBOLS.indexOf(c) >= 0 || OPERATORS.indexOf(c) >= 0;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
