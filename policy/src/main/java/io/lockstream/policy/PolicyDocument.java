package io.lockstream.policy;

import java.util.List;

/**
 * A parsed policy document (IAM-UG {@code reference_policies_grammar.md}).
 *
 * @param version    the {@code Version} element, or null if absent
 * @param id         the {@code Id} element, or null if absent
 * @param statements the statements, in document order
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    /** Creates a document; the statement list is copied. */
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * @param statements the statements
     * @return a {@code 2012-10-17} document without {@code Id}
     */
    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument("2012-10-17", null, List.of(statements));
    }
}
