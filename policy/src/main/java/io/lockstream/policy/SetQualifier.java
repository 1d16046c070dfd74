package io.lockstream.policy;

/**
 * The set-operator prefix of a condition operator (IAM-UG
 * {@code reference_policies_multi-value-conditions.md}).
 */
public enum SetQualifier {
    /** No prefix: the key is treated as single-valued. */
    NONE(""),
    /** {@code ForAnyValue:} at least one request value must satisfy the operator; false if there are none. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** {@code ForAllValues:} every request value must satisfy the operator; true if there are none. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** @return the prefix as written in a policy, e.g. {@code "ForAnyValue:"}; empty for {@link #NONE} */
    public String prefix() {
        return prefix;
    }
}
