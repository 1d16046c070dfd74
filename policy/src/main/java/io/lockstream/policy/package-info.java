/**
 * IAM-style key-policy model and evaluator for Lockstream's KMS: policy documents, statements,
 * principals, condition operators, the authorization request and the {@link io.lockstream.policy.Decision}.
 *
 * <p>This package is pure Java: no JSON library, no HTTP. Parsing JSON text into these records is
 * {@code io.lockstream.policy.json}'s job. All records are immutable; all collections they hold are
 * unmodifiable copies. Unless documented otherwise, parameters and return values are non-null.
 */
package io.lockstream.policy;
