package io.lockstream.policy.json;

import io.lockstream.policy.PolicyDocument;

import java.util.Objects;

/**
 * A policy as submitted plus its parsed form. KMS returns the submitted text verbatim from
 * GetKeyPolicy (aws-wire.md §4.4), so the text, not a re-serialisation of {@link #document()}, is
 * what to store; element order, whitespace and formatting are preserved exactly.
 *
 * @param text     the policy text exactly as submitted
 * @param document the parsed document
 */
public record ParsedPolicy(String text, PolicyDocument document) {

    /** Creates a parsed policy. */
    public ParsedPolicy {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(document, "document");
    }
}
