package io.lockstream.query.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled unstructured-terms pattern: case-sensitive substring tests.
 *
 * <p>The pattern is a sequence of alternatives. The first alternative starts at the beginning of the pattern and
 * every {@code ?term} starts a new one; a message matches if <em>any</em> alternative matches, and an alternative
 * matches if the message contains all its plain terms and none of its {@code -terms}. This gives the documented
 * meanings ({@code ERROR ARGUMENTS} = both; {@code ?ERROR ?WARN} = either; {@code ERROR -ARGUMENTS} = first
 * without second) and the grouping the AWS CDK relies on when it renders
 * {@code anyTermGroup(["ERROR","MainThread"],["WARN","Deadlock"])} as {@code ?"ERROR" "MainThread" ?"WARN" "Deadlock"}.
 */
final class TermPattern implements FilterPattern.Matcher {
    private final Group[] groups;

    private TermPattern(Group[] groups) {
        this.groups = groups;
    }

    /** Parses a trimmed, non-empty pattern that is neither JSON, space-delimited nor regex. */
    static TermPattern parse(String pattern) {
        Syntax s = new Syntax(pattern, 0);
        List<Group> groups = new ArrayList<>();
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        boolean first = true;
        while (true) {
            s.skipWhitespace();
            if (s.atEnd()) {
                break;
            }
            char prefix = s.peek();
            boolean optional = prefix == '?';
            boolean exclude = prefix == '-';
            if (optional || exclude) {
                s.pos++;
            }
            if (optional && !first) {
                groups.add(new Group(required, excluded));
                required = new ArrayList<>();
                excluded = new ArrayList<>();
            }
            first = false;
            String term = readTerm(s);
            if (term.isBlank()) {
                continue; // `" "` and `""` are documented as "match everything"
            }
            (exclude ? excluded : required).add(term);
        }
        groups.add(new Group(required, excluded));
        return new TermPattern(groups.toArray(Group[]::new));
    }

    /**
     * A quoted phrase (any characters, {@code \"} escapes) or a bare word of letters, digits and underscore: the doc
     * requires terms with other characters to be quoted, so {@code ORDER-ITEM-1} unquoted is invalid.
     */
    private static String readTerm(Syntax s) {
        if (s.peek() == '"' && !s.atEnd()) {
            String phrase = s.readQuoted();
            if (!s.atEnd() && !Character.isWhitespace(s.peek())) {
                throw Syntax.invalid(); // "a"b
            }
            return phrase;
        }
        int start = s.pos;
        while (!s.atEnd() && !Character.isWhitespace(s.peek())) {
            if (!Syntax.isWordChar(s.peek())) {
                throw Syntax.invalid();
            }
            s.pos++;
        }
        if (start == s.pos) {
            throw Syntax.invalid(); // a lone ? or -
        }
        return s.text.substring(start, s.pos);
    }

    @Override
    public boolean matches(String message) {
        for (Group g : groups) {
            if (g.matches(message)) {
                return true;
            }
        }
        return false;
    }

    private static final class Group {
        private final String[] required;
        private final String[] excluded;

        Group(List<String> required, List<String> excluded) {
            this.required = required.toArray(String[]::new);
            this.excluded = excluded.toArray(String[]::new);
        }

        boolean matches(String message) {
            for (String t : required) {
                if (!message.contains(t)) {
                    return false;
                }
            }
            for (String t : excluded) {
                if (message.contains(t)) {
                    return false;
                }
            }
            return true;
        }
    }
}
