package io.lockstream.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.PolicyDocument;
import io.lockstream.policy.PolicyTooLargeException;
import io.lockstream.policy.Statement;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates policy documents (aws-wire.md §4.4; IAM-UG {@code reference_policies_grammar.md},
 * {@code reference_policies_elements_version.md}). Rules, in order: allowed characters; size
 * ({@link PolicyTooLargeException}); a single JSON object without duplicate keys; only the
 * {@code Version}, {@code Id} and {@code Statement} top-level elements; {@code Version}, if present,
 * {@code 2012-10-17} or {@code 2008-10-17}; {@code Statement} an object or a non-empty array; each
 * statement as {@link StatementReader} describes. Stateless and thread-safe.
 */
public final class PolicyParser {

    private static final Set<String> ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private PolicyParser() {
    }

    /**
     * Parses a key policy (every statement needs {@code Principal} or {@code NotPrincipal}).
     *
     * @param json the policy text
     * @return the document
     * @throws PolicyTooLargeException  if the text exceeds 32768 UTF-8 bytes
     * @throws MalformedPolicyException if the document breaks any other rule
     */
    public static PolicyDocument parse(String json) {
        return parse(json, true);
    }

    /**
     * Parses a key policy and keeps the submitted text verbatim alongside it.
     *
     * @param json the policy text
     * @return the text and the document
     * @throws PolicyTooLargeException  if the text exceeds 32768 UTF-8 bytes
     * @throws MalformedPolicyException if the document breaks any other rule
     */
    public static ParsedPolicy parseWithText(String json) {
        return new ParsedPolicy(json, parse(json, true));
    }

    /**
     * Parses an IAM identity-based policy (statements must not name a principal).
     *
     * @param json the policy text
     * @return the document
     * @throws MalformedPolicyException if the document breaks a rule
     */
    public static PolicyDocument parseIdentityPolicy(String json) {
        return parse(json, false);
    }

    private static PolicyDocument parse(String json, boolean keyPolicy) {
        if (json == null) {
            throw new MalformedPolicyException("", "no policy text");
        }
        PolicyText.check(json);
        JsonNode root = Json.readObject(json);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ELEMENTS.contains(name)) {
                throw new MalformedPolicyException("Policy document contains an unsupported element: " + name + ".");
            }
        }
        String version = text(root, "Version");
        if (version != null && !VERSIONS.contains(version)) {
            throw new MalformedPolicyException("The policy Version must be \"2012-10-17\" or \"2008-10-17\".");
        }
        String id = text(root, "Id");
        return new PolicyDocument(version, id, statements(root.get("Statement"), keyPolicy));
    }

    private static List<Statement> statements(JsonNode node, boolean keyPolicy) {
        String shape = "The policy must contain a Statement element that is a statement object or a non-empty array of statements.";
        if (node == null || !(node.isObject() || (node.isArray() && node.size() > 0))) {
            throw new MalformedPolicyException(shape);
        }
        List<Statement> statements = new ArrayList<>();
        if (node.isObject()) {
            statements.add(StatementReader.read(node, keyPolicy));
        } else {
            node.forEach(s -> statements.add(StatementReader.read(s, keyPolicy)));
        }
        return statements;
    }

    private static String text(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedPolicyException("The " + name + " element must be a string.");
        }
        return value.textValue();
    }
}
