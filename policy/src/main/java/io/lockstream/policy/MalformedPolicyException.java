package io.lockstream.policy;

/**
 * A policy document KMS must refuse with {@code MalformedPolicyDocumentException}.
 * {@link #getMessage()} is the wire message to send; {@link #detail()} says what exactly was wrong,
 * for logs (it may differ when AWS's wire message is terse, e.g. empty for unparseable JSON).
 */
public class MalformedPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The documented KMS message for a bad principal (aws-wire.md §4.4). */
    public static final String INVALID_PRINCIPALS = "Policy contains a statement with one or more invalid principals.";

    private final String detail;

    /**
     * @param message the wire message
     */
    public MalformedPolicyException(String message) {
        this(message, message);
    }

    /**
     * @param message the wire message
     * @param detail  a diagnostic description for logs
     */
    public MalformedPolicyException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** @return a diagnostic description of the problem */
    public String detail() {
        return detail;
    }
}
