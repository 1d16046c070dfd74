package io.lockstream.query.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code { expression }} pattern. Only messages that are JSON objects can match; anything else is
 * rejected by a first-character check before any parsing.
 */
final class JsonPattern implements FilterPattern.Matcher {
    /** Floats as exact BigDecimals so that {@code = 0.1} compares equal to {@code 0.1} in the message. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // keep 1.50 as written for string tests
            .build();

    /** The value stops a bare JSON value: whitespace and these. */
    private static final String VALUE_STOPS = "(){}\"&|=!<>,";

    private final Expr root;

    private JsonPattern(Expr root) {
        this.root = root;
    }

    /** Parses the whole trimmed pattern, which starts with '{'. */
    static JsonPattern parse(String pattern) {
        Syntax s = new Syntax(pattern, 0);
        s.expect('{');
        int[] regexes = {0};
        Expr e = parseOr(s, regexes);
        s.skipWhitespace();
        s.expect('}');
        s.skipWhitespace();
        if (!s.atEnd()) {
            throw Syntax.invalid();
        }
        if (regexes[0] > FilterPattern.MAX_REGEXES_PER_PATTERN) {
            throw Syntax.invalid();
        }
        return new JsonPattern(e);
    }

    @Override
    public boolean matches(String message) {
        JsonNode doc = parseObject(message);
        return doc != null && root.eval(doc);
    }

    /** Returns the message as a JSON object, or {@code null} if it is not one. */
    static JsonNode parseObject(String message) {
        int i = 0;
        int n = message.length();
        while (i < n && Character.isWhitespace(message.charAt(i))) {
            i++;
        }
        if (i == n || message.charAt(i) != '{') {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(message);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    // ---- grammar: or := and ('||' and)* ; and := unary ('&&' unary)* ; unary := '(' or ')' | test ----

    private static Expr parseOr(Syntax s, int[] regexes) {
        List<Expr> terms = new ArrayList<>();
        terms.add(parseAnd(s, regexes));
        while (true) {
            s.skipWhitespace();
            if (!s.startsWith("||")) {
                break;
            }
            s.pos += 2;
            terms.add(parseAnd(s, regexes));
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms.toArray(Expr[]::new));
    }

    private static Expr parseAnd(Syntax s, int[] regexes) {
        List<Expr> terms = new ArrayList<>();
        terms.add(parseUnary(s, regexes));
        while (true) {
            s.skipWhitespace();
            if (!s.startsWith("&&")) {
                break;
            }
            s.pos += 2;
            terms.add(parseUnary(s, regexes));
        }
        return terms.size() == 1 ? terms.get(0) : new And(terms.toArray(Expr[]::new));
    }

    private static Expr parseUnary(Syntax s, int[] regexes) {
        s.skipWhitespace();
        if (s.peek() == '(' && !s.atEnd()) {
            s.pos++;
            Expr inner = parseOr(s, regexes);
            s.skipWhitespace();
            s.expect(')');
            return inner;
        }
        return parseTest(s, regexes);
    }

    private static Expr parseTest(Syntax s, int[] regexes) {
        Selector selector = Selector.parse(s);
        s.skipWhitespace();
        if (s.tryKeyword("IS")) {
            s.skipWhitespace();
            if (s.tryKeyword("TRUE")) {
                return new Test(selector, Check.IS_TRUE, null);
            }
            if (s.tryKeyword("FALSE")) {
                return new Test(selector, Check.IS_FALSE, null);
            }
            if (s.tryKeyword("NULL")) {
                return new Test(selector, Check.IS_NULL, null);
            }
            throw Syntax.invalid(); // includes "IS NOT", which AWS documents as unsupported
        }
        if (s.tryKeyword("NOT")) {
            s.skipWhitespace();
            if (s.tryKeyword("EXISTS")) {
                return new Test(selector, Check.NOT_EXISTS, null);
            }
            throw Syntax.invalid();
        }
        Comparison.Op op = Comparison.readOp(s);
        if (op == null) {
            throw Syntax.invalid(); // a bare selector, or "EXISTS" alone (unsupported per the doc)
        }
        Comparison c = Comparison.readValue(s, op, VALUE_STOPS);
        if (c.usesRegex()) {
            regexes[0]++;
        }
        return new Test(selector, Check.COMPARE, c);
    }

    // ---- evaluation ----

    interface Expr {
        boolean eval(JsonNode doc);
    }

    private static final class And implements Expr {
        private final Expr[] terms;

        And(Expr[] terms) {
            this.terms = terms;
        }

        @Override
        public boolean eval(JsonNode doc) {
            for (Expr t : terms) {
                if (!t.eval(doc)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Or implements Expr {
        private final Expr[] terms;

        Or(Expr[] terms) {
            this.terms = terms;
        }

        @Override
        public boolean eval(JsonNode doc) {
            for (Expr t : terms) {
                if (t.eval(doc)) {
                    return true;
                }
            }
            return false;
        }
    }

    enum Check {
        COMPARE, IS_TRUE, IS_FALSE, IS_NULL, NOT_EXISTS
    }

    /** {@code selector check}; with {@code [*]} in the selector it holds if any selected node satisfies it. */
    private static final class Test implements Expr {
        private final Selector selector;
        private final Check check;
        private final Comparison comparison;

        Test(Selector selector, Check check, Comparison comparison) {
            this.selector = selector;
            this.check = check;
            this.comparison = comparison;
        }

        @Override
        public boolean eval(JsonNode doc) {
            if (check == Check.NOT_EXISTS) {
                return !selector.any(doc, 0, this);
            }
            return selector.any(doc, 0, this);
        }

        /** Applied to each node the selector reaches. */
        boolean accept(JsonNode node) {
            switch (check) {
                case NOT_EXISTS:
                    return true; // reached ⇒ exists
                case IS_TRUE:
                    return node.isBoolean() && node.booleanValue();
                case IS_FALSE:
                    return node.isBoolean() && !node.booleanValue();
                case IS_NULL:
                    return node.isNull();
                default:
                    // The selector must reach a value node; objects and arrays fail both = and != (AWS doc).
                    if (node.isContainerNode() || node.isMissingNode()) {
                        return false;
                    }
                    if (node.isNumber()) {
                        return comparison.test(node.asText(), node.decimalValue());
                    }
                    return comparison.test(node.isTextual() ? node.textValue() : node.asText());
            }
        }
    }

    /** {@code $} followed by {@code .name}, {@code ["name"]}, {@code [n]} or {@code [*]} steps. */
    static final class Selector {
        private static final int WILDCARD = -1;
        private static final int FIELD = -2;

        private final String[] names;
        private final int[] indexes;

        private Selector(String[] names, int[] indexes) {
            this.names = names;
            this.indexes = indexes;
        }

        static Selector parse(Syntax s) {
            s.expect('$');
            List<String> names = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            while (!s.atEnd() && (s.peek() == '.' || s.peek() == '[')) {
                if (s.peek() == '.') {
                    s.pos++;
                    int start = s.pos;
                    while (!s.atEnd() && (Syntax.isWordChar(s.peek()) || s.peek() == '-')) {
                        s.pos++;
                    }
                    if (start == s.pos) {
                        throw Syntax.invalid();
                    }
                    names.add(s.text.substring(start, s.pos));
                    indexes.add(FIELD);
                } else {
                    s.pos++;
                    if (s.peek() == '"') {
                        names.add(s.readQuoted());
                        indexes.add(FIELD);
                    } else if (s.peek() == '*') {
                        s.pos++;
                        names.add(null);
                        indexes.add(WILDCARD);
                    } else {
                        int start = s.pos;
                        while (!s.atEnd() && s.peek() >= '0' && s.peek() <= '9') {
                            s.pos++;
                        }
                        if (start == s.pos || s.pos - start > 9) {
                            throw Syntax.invalid();
                        }
                        names.add(null);
                        indexes.add(Integer.parseInt(s.text.substring(start, s.pos)));
                    }
                    s.expect(']');
                }
            }
            if (names.isEmpty()) {
                throw Syntax.invalid();
            }
            return new Selector(names.toArray(String[]::new), indexes.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean any(JsonNode node, int step, Test test) {
            if (step == names.length) {
                return test.accept(node);
            }
            int index = indexes[step];
            if (index == FIELD) {
                JsonNode child = node.isObject() ? node.get(names[step]) : null;
                return child != null && any(child, step + 1, test);
            }
            if (!node.isArray()) {
                return false;
            }
            if (index == WILDCARD) {
                for (JsonNode element : node) {
                    if (any(element, step + 1, test)) {
                        return true;
                    }
                }
                return false;
            }
            JsonNode child = node.get(index);
            return child != null && any(child, step + 1, test);
        }
    }
}
