package io.lockstream.query.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled {@code [field, field, ...]} pattern. The message is split on whitespace; text between {@code "..."}
 * or {@code [...]} is one field (delimiters removed), so the Apache line
 * {@code 127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534} has seven fields.
 * Each pattern position is {@code ...} (any number of fields, including none), a field name, or a field name with
 * conditions combined by {@code &&} (binds tighter) and {@code ||}.
 *
 * <p>Without {@code ...}, a message with fewer fields than names never matches, and in a message with more fields
 * the last name takes the rest of the line. That is what makes the doc's {@code [w1=ERROR, w2]} mean "the first word
 * is ERROR" (and why the doc insists on the trailing {@code w2}); users also match CloudFront lines with fewer names
 * than fields (jorgebastida/awslogs#176). With {@code ...} the ellipsis absorbs the difference instead.
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
        Fields f = Fields.split(message);
        int n = f.size;
        int m = fields.length;
        if (!hasEllipsis) {
            if (n < m) {
                return false;
            }
            for (int i = 0; i < m - 1; i++) {
                if (!fields[i].test(f.values[i])) {
                    return false;
                }
            }
            // More fields than names: the last name takes the rest of the line (see the class comment).
            String last = n == m ? f.values[m - 1] : message.substring(f.starts[m - 1]).stripTrailing();
            return fields[m - 1].test(last);
        }
        // next[j]: positions i+1.. match fields j..; cur[j]: positions i.. match fields j..
        boolean[] next = new boolean[n + 1];
        boolean[] cur = new boolean[n + 1];
        next[n] = true;
        for (int i = m - 1; i >= 0; i--) {
            FieldCondition fc = fields[i];
            for (int j = n; j >= 0; j--) {
                if (fc == null) {
                    cur[j] = next[j] || (j < n && cur[j + 1]);
                } else {
                    cur[j] = j < n && next[j + 1] && fc.test(f.values[j]);
                }
            }
            boolean[] t = next;
            next = cur;
            cur = t;
        }
        return next[0];
    }

    /** A message split into fields: each field's value and the offset where its raw text starts. */
    static final class Fields {
        String[] values = new String[16];
        int[] starts = new int[16];
        int size;

        private void add(String value, int start) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
            }
            values[size] = value;
            starts[size++] = start;
        }

        /** Splits on whitespace; {@code "..."} and {@code [...]} (nesting) are one field each, delimiters removed. */
        static Fields split(String message) {
            Fields out = new Fields();
            int n = message.length();
            int i = 0;
            while (true) {
                while (i < n && Character.isWhitespace(message.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return out;
                }
                int start = i;
                char c = message.charAt(i);
                if (c == '"') {
                    int close = message.indexOf('"', i + 1);
                    int end = close < 0 ? n : close;
                    out.add(message.substring(i + 1, end), start);
                    i = end + 1;
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
                    out.add(message.substring(i + 1, Math.min(j, n)), start);
                    i = j + 1;
                } else {
                    while (i < n && !Character.isWhitespace(message.charAt(i))) {
                        i++;
                    }
                    out.add(message.substring(start, i), start);
                }
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
