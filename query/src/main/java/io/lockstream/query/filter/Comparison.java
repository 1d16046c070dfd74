package io.lockstream.query.filter;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * One {@code op value} condition as used by JSON ({@code $.sel op value}) and space-delimited
 * ({@code field op value}) patterns. Immutable.
 *
 * <p>Values are a number literal (numeric comparison), a string with optional leading/trailing {@code *} wildcards
 * (quoted or bare), or a {@code %regex%} (found anywhere in the value). {@code !=} is always the negation of
 * {@code =}; the ordering operators need a number literal and are false for values that are not numbers.
 */
final class Comparison {
    enum Op {
        EQ, NE, LT, GT, LE, GE
    }

    private enum Mode {
        ANY, EXACT, PREFIX, SUFFIX, CONTAINS, NUMBER, REGEX
    }

    private final Op op;
    private final Mode mode;
    private final String literal;
    private final BigDecimal number;
    private final Pattern regex;

    private Comparison(Op op, Mode mode, String literal, BigDecimal number, Pattern regex) {
        this.op = op;
        this.mode = mode;
        this.literal = literal;
        this.number = number;
        this.regex = regex;
    }

    boolean usesRegex() {
        return mode == Mode.REGEX;
    }

    /** Reads an operator at the cursor, or returns {@code null} if none is there. */
    static Op readOp(Syntax s) {
        if (s.startsWith("!=")) {
            s.pos += 2;
            return Op.NE;
        }
        if (s.startsWith("<=")) {
            s.pos += 2;
            return Op.LE;
        }
        if (s.startsWith(">=")) {
            s.pos += 2;
            return Op.GE;
        }
        char c = s.peek();
        if (!s.atEnd() && (c == '=' || c == '<' || c == '>')) {
            s.pos++;
            return c == '=' ? Op.EQ : c == '<' ? Op.LT : Op.GT;
        }
        return null;
    }

    /**
     * Reads the value after {@code op}. A bare value runs until whitespace or one of {@code stops}; it is a number
     * if it parses as one, otherwise a (wildcard) string.
     */
    static Comparison readValue(Syntax s, Op op, String stops) {
        s.skipWhitespace();
        if (s.atEnd()) {
            throw Syntax.invalid();
        }
        Comparison result;
        char c = s.peek();
        if (c == '%') {
            result = new Comparison(op, Mode.REGEX, null, null, s.readRegex());
        } else if (c == '"') {
            result = string(op, s.readQuoted());
        } else {
            int start = s.pos;
            while (!s.atEnd() && !Character.isWhitespace(s.peek()) && stops.indexOf(s.peek()) < 0) {
                s.pos++;
            }
            String bare = s.text.substring(start, s.pos);
            if (bare.isEmpty()) {
                throw Syntax.invalid();
            }
            BigDecimal n = bare.indexOf('*') >= 0 ? null : Numbers.parse(bare);
            result = n != null ? new Comparison(op, Mode.NUMBER, bare, n, null) : string(op, bare);
        }
        if (op != Op.EQ && op != Op.NE && result.mode != Mode.NUMBER) {
            throw Syntax.invalid(); // <, >, <=, >= only compare numbers
        }
        return result;
    }

    /** {@code *} is a wildcard at the start and/or end only; an inner {@code *} is literal ({@code Ev*ent}). */
    private static Comparison string(Op op, String v) {
        int from = 0;
        int to = v.length();
        while (from < to && v.charAt(from) == '*') {
            from++;
        }
        if (from == to) {
            return new Comparison(op, v.isEmpty() ? Mode.EXACT : Mode.ANY, "", null, null);
        }
        while (to > from && v.charAt(to - 1) == '*') {
            to--;
        }
        boolean lead = from > 0;
        boolean trail = to < v.length();
        Mode mode = lead && trail ? Mode.CONTAINS : lead ? Mode.SUFFIX : trail ? Mode.PREFIX : Mode.EXACT;
        return new Comparison(op, mode, v.substring(from, to), null, null);
    }

    /** Tests a textual value (a space-delimited field, or a JSON string). */
    boolean test(String text) {
        return test(text, null);
    }

    /**
     * Tests a scalar value given as text; {@code knownNumber} is its numeric value when the caller already has it
     * (a JSON number), else {@code null} and the text is parsed if a numeric comparison needs it.
     */
    boolean test(String text, BigDecimal knownNumber) {
        switch (op) {
            case EQ:
                return equalsValue(text, knownNumber);
            case NE:
                return !equalsValue(text, knownNumber);
            default:
                BigDecimal actual = knownNumber != null ? knownNumber : Numbers.parse(text);
                if (actual == null) {
                    return false;
                }
                int cmp = actual.compareTo(number);
                switch (op) {
                    case LT:
                        return cmp < 0;
                    case GT:
                        return cmp > 0;
                    case LE:
                        return cmp <= 0;
                    default:
                        return cmp >= 0;
                }
        }
    }

    private boolean equalsValue(String text, BigDecimal knownNumber) {
        switch (mode) {
            case ANY:
                return true;
            case EXACT:
                return text.equals(literal);
            case PREFIX:
                return text.startsWith(literal);
            case SUFFIX:
                return text.endsWith(literal);
            case CONTAINS:
                return text.contains(literal);
            case REGEX:
                return regex.matcher(text).find();
            default: // NUMBER
                BigDecimal actual = knownNumber != null ? knownNumber : Numbers.parse(text);
                return actual != null && actual.compareTo(number) == 0;
        }
    }
}
