package io.lockstream.common.envelope;

/**
 * The one error for any envelope that cannot be opened: truncated, bit-flipped, moved to another group,
 * stream or position, or sealed under another key. Deliberately says nothing about which check failed.
 */
public final class EnvelopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "envelope failed authentication";

    public EnvelopeException() {
        super(MESSAGE, null, false, false);
    }
}
