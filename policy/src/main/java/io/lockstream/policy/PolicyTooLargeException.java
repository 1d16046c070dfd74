package io.lockstream.policy;

/**
 * The policy exceeds the size limit; KMS answers {@code LimitExceededException} rather than
 * {@code MalformedPolicyDocumentException} (aws-wire.md §4.2 PutKeyPolicy, §4.4). A subclass of
 * {@link MalformedPolicyException} so that a caller that only cares about "refused" can catch one
 * type; catch this one first to pick the right error code.
 */
public class PolicyTooLargeException extends MalformedPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the wire message
     */
    public PolicyTooLargeException(String message) {
        super(message);
    }
}
