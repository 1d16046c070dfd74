package io.lockstream.query.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code [field, field, ...]} pattern. The message is split on whitespace; text between {@code "..."}
 * or {@code [...]} is one field (delimiters removed), so the Apache line
 * {@code 127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534} has seven fields.
 * Each pattern position is {@code ...} (any number of fields, including none), a field name, or a field name with
 * conditions combined by {@code &&} (binds tighter) and {@code ||}. Without {@code ...} the field count must be
 * equal.
 */
final class SpaceDelimitedPattern implements FilterPattern.Matcher {
    /** Whitespace and these end a bare value. */
    private static final String VALUE_STOPS = ",]&|\"";

    /** One pattern position; {@code null} entries in {@link #fields} stand for {@code ...}. */
    private final FieldCondition[] fields;
    private final boolean hasEllipsis;

    private SpaceDelimitedPattern(FieldCondition[] fields) {
        this.fields = fields;
        boolean e = false;
        for (FieldCondition f : fields) {
            e |= f == null;
        }
        this.hasEllipsis = e;
    }

    /** Parses the whole trimmed pattern, which starts with '['. */
    static SpaceDelimitedPattern parse(String pattern) {
        Syntax s = new Syntax(pattern, 0);
        s.expect('[');
        List<FieldCondition> fields = new ArrayList<>();
        int[] regexes = {0};
        while (true) {
            s.skipWhitespace();
            if (s.startsWith("...")) {
                s.pos += 3;
                fields.add(null);
            } else {
                fields.add(parseField(s, regexes));
            }
            s.skipWhitespace();
            if (s.peek() == ',' && !s.atEnd()) {
                s.pos++;
                continue;
            }
            s.expect(']');
            break;
        }
        s.skipWhitespace();
        if (!s.atEnd() || regexes[0] > FilterPattern.MAX_REGEXES_PER_PATTERN) {
            throw Syntax.invalid();
        }
        return new SpaceDelimitedPattern(fields.toArray(FieldCondition[]::new));
    }

    /**
     * {@code name} or {@code name op value ((&&|||) name op value)*}. Every clause must name the field of its own
     * position (case-insensitively, as the doc's {@code [w1=ERROR || W1=WARNING, w2]} does): conditions across
     * fields such as {@code status_code = 4* && bytes > 1000} are rejected, as AWS rejects them
     * (awsdocs/amazon-cloudwatch-logs-user-guide#21).
     */
    private static FieldCondition parseField(Syntax s, int[] regexes) {
        String name = readName(s);
        s.skipWhitespace();
        if (s.atEnd() || s.peek() == ',' || s.peek() == ']') {
            return new FieldCondition(name, null);
        }
        List<Comparison[]> alternatives = new ArrayList<>();
        List<Comparison> conjunction = new ArrayList<>();
        String clauseName = name;
        while (true) {
            if (!clauseName.equalsIgnoreCase(name)) {
                throw Syntax.invalid();
            }
            s.skipWhitespace();
            Comparison.Op op = Comparison.readOp(s);
            if (op == null) {
                throw Syntax.invalid();
            }
            Comparison c = Comparison.readValue(s, op, VALUE_STOPS);
            if (c.usesRegex()) {
                regexes[0]++;
            }
            conjunction.add(c);
            s.skipWhitespace();
            if (s.startsWith("&&")) {
                s.pos += 2;
            } else if (s.startsWith("||")) {
                s.pos += 2;
                alternatives.add(conjunction.toArray(Comparison[]::new));
                conjunction = new ArrayList<>();
            } else {
                break;
            }
            s.skipWhitespace();
            clauseName = readName(s);
        }
        alternatives.add(conjunction.toArray(Comparison[]::new));
        return new FieldCondition(name, alternatives.toArray(Comparison[][]::new));
    }

    private static String readName(Syntax s) {
        int start = s.pos;
        while (!s.atEnd() && Syntax.isWordChar(s.peek())) {
            s.pos++;
        }
        if (start == s.pos) {
            throw Syntax.invalid();
        }
        return s.text.substring(start, s.pos);
    }

    @Override
    public boolean matches(String message) {
        List<String> values = split(message);
        int n = values.size();
        int m = fields.length;
        if (!hasEllipsis) {
            if (n != m) {
                return false;
            }
            for (int i = 0; i < m; i++) {
                if (!fields[i].test(values.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // can[i][j]: pattern positions i.. match message fields j..
        boolean[] next = new boolean[n + 1];
        boolean[] cur = new boolean[n + 1];
        next[n] = true;
        for (int i = m - 1; i >= 0; i--) {
            FieldCondition f = fields[i];
            for (int j = n; j >= 0; j--) {
                if (f == null) {
                    cur[j] = next[j] || (j < n && cur[j + 1]);
                } else {
                    cur[j] = j < n && next[j + 1] && f.test(values.get(j));
                }
            }
            boolean[] t = next;
            next = cur;
            cur = t;
        }
        return next[0];
    }

    /** Splits a message into fields; see the class comment. An unterminated group runs to the end. */
    static List<String> split(String message) {
        List<String> out = new ArrayList<>();
        int n = message.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            char c = message.charAt(i);
            if (c == '"') {
                int close = message.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                out.add(message.substring(i + 1, end));
                i = close < 0 ? n : close + 1;
            } else if (c == '[') {
                int depth = 0;
                int j = i;
                for (; j < n; j++) {
                    char d = message.charAt(j);
                    if (d == '[') {
                        depth++;
                    } else if (d == ']' && --depth == 0) {
                        break;
                    }
                }
                out.add(message.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(message.charAt(i))) {
                    i++;
                }
                out.add(message.substring(start, i));
            }
        }
    }

    /** A named position with an optional OR-of-ANDs condition on its value. */
    private static final class FieldCondition {
        @SuppressWarnings("unused") // kept for debugging and for a future metric-value extraction
        private final String name;
        private final Comparison[][] alternatives;

        FieldCondition(String name, Comparison[][] alternatives) {
            this.name = name;
            this.alternatives = alternatives;
        }

        boolean test(String value) {
            if (alternatives == null) {
                return true;
            }
            for (Comparison[] all : alternatives) {
                boolean ok = true;
                for (Comparison c : all) {
                    if (!c.test(value)) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    return true;
                }
            }
            return false;
        }
    }
}
