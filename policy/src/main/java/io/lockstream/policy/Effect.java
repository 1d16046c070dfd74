package io.lockstream.policy;

/** The {@code Effect} element of a statement: {@code "Allow"} or {@code "Deny"}. */
public enum Effect {
    /** The statement grants the listed actions. */
    ALLOW,
    /** The statement explicitly denies the listed actions; an explicit deny always wins. */
    DENY
}
