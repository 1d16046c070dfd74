package io.lockstream.policy;

/**
 * The condition operators Lockstream supports, without set prefix or {@code IfExists} suffix
 * (IAM-UG {@code reference_policies_elements_condition_operators.md}). A negated operator
 * ({@link #negated()}) is evaluated as the negation of its positive counterpart, so several policy
 * values behave as an AND of negations ("multiple values for one key are ORed; for negated
 * operators, AND of negations", aws-wire.md §4.5).
 */
public enum BaseOperator {
    /** Exact, case-sensitive string match. */
    STRING_EQUALS("StringEquals", ValueKind.STRING, false),
    /** Negated {@link #STRING_EQUALS}. */
    STRING_NOT_EQUALS("StringNotEquals", ValueKind.STRING, true),
    /** Exact string match ignoring case. */
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ValueKind.STRING, false),
    /** Negated {@link #STRING_EQUALS_IGNORE_CASE}. */
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ValueKind.STRING, true),
    /** Case-sensitive match with {@code *} and {@code ?} wildcards. */
    STRING_LIKE("StringLike", ValueKind.STRING, false),
    /** Negated {@link #STRING_LIKE}. */
    STRING_NOT_LIKE("StringNotLike", ValueKind.STRING, true),
    /** Component-wise ARN match; identical to {@link #ARN_LIKE} per the IAM docs. */
    ARN_EQUALS("ArnEquals", ValueKind.STRING, false),
    /** Component-wise ARN match with wildcards inside components. */
    ARN_LIKE("ArnLike", ValueKind.STRING, false),
    /** Negated {@link #ARN_EQUALS}. */
    ARN_NOT_EQUALS("ArnNotEquals", ValueKind.STRING, true),
    /** Negated {@link #ARN_LIKE}. */
    ARN_NOT_LIKE("ArnNotLike", ValueKind.STRING, true),
    /** Numeric equality. */
    NUMERIC_EQUALS("NumericEquals", ValueKind.NUMBER, false),
    /** Negated {@link #NUMERIC_EQUALS}. */
    NUMERIC_NOT_EQUALS("NumericNotEquals", ValueKind.NUMBER, true),
    /** Request value &lt; policy value. */
    NUMERIC_LESS_THAN("NumericLessThan", ValueKind.NUMBER, false),
    /** Request value &le; policy value. */
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueKind.NUMBER, false),
    /** Request value &gt; policy value. */
    NUMERIC_GREATER_THAN("NumericGreaterThan", ValueKind.NUMBER, false),
    /** Request value &ge; policy value. */
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueKind.NUMBER, false),
    /** Same instant. */
    DATE_EQUALS("DateEquals", ValueKind.DATE, false),
    /** Negated {@link #DATE_EQUALS}. */
    DATE_NOT_EQUALS("DateNotEquals", ValueKind.DATE, true),
    /** Request date before the policy date. */
    DATE_LESS_THAN("DateLessThan", ValueKind.DATE, false),
    /** Request date at or before the policy date. */
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueKind.DATE, false),
    /** Request date after the policy date. */
    DATE_GREATER_THAN("DateGreaterThan", ValueKind.DATE, false),
    /** Request date at or after the policy date. */
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ValueKind.DATE, false),
    /** Boolean match of {@code true}/{@code false}. */
    BOOL("Bool", ValueKind.BOOLEAN, false),
    /** Byte-wise equality of base64-encoded values. */
    BINARY_EQUALS("BinaryEquals", ValueKind.BINARY, false),
    /** Key presence test: {@code true} means the key is absent, {@code false} that it is present. */
    NULL("Null", ValueKind.BOOLEAN, false);

    /** The type a policy value of an operator must have. */
    public enum ValueKind {
        /** Any string. */
        STRING,
        /** A decimal number. */
        NUMBER,
        /** An ISO-8601 (W3C profile) date or epoch seconds. */
        DATE,
        /** {@code true} or {@code false}, case-insensitive. */
        BOOLEAN,
        /** Base64 text. */
        BINARY
    }

    private final String policyName;
    private final ValueKind valueKind;
    private final boolean negated;

    BaseOperator(String policyName, ValueKind valueKind, boolean negated) {
        this.policyName = policyName;
        this.valueKind = valueKind;
        this.negated = negated;
    }

    /** @return the operator name as written in a policy, e.g. {@code "StringLike"} */
    public String policyName() {
        return policyName;
    }

    /** @return the type policy values of this operator must have */
    public ValueKind valueKind() {
        return valueKind;
    }

    /** @return true for the {@code ...Not...} operators */
    public boolean negated() {
        return negated;
    }

    /**
     * @param value a policy value
     * @return whether the value has this operator's type (e.g. a parseable number for {@code Numeric*})
     */
    public boolean acceptsPolicyValue(String value) {
        return switch (valueKind) {
            case STRING -> true;
            case NUMBER -> ConditionValues.number(value) != null;
            case DATE -> ConditionValues.instant(value) != null;
            case BOOLEAN -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
            case BINARY -> ConditionValues.base64(value) != null;
        };
    }

    /**
     * The positive comparison of one request value with one policy value, before negation.
     * For {@link #NULL} it is not meaningful and returns false.
     */
    boolean positiveMatch(String requestValue, String policyValue) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> requestValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> requestValue.equalsIgnoreCase(policyValue);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcard.matches(policyValue, requestValue, false);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> ArnPattern.matches(policyValue, requestValue);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> ConditionValues.compareNumbers(requestValue, policyValue, c -> c == 0);
            case NUMERIC_LESS_THAN -> ConditionValues.compareNumbers(requestValue, policyValue, c -> c < 0);
            case NUMERIC_LESS_THAN_EQUALS -> ConditionValues.compareNumbers(requestValue, policyValue, c -> c <= 0);
            case NUMERIC_GREATER_THAN -> ConditionValues.compareNumbers(requestValue, policyValue, c -> c > 0);
            case NUMERIC_GREATER_THAN_EQUALS -> ConditionValues.compareNumbers(requestValue, policyValue, c -> c >= 0);
            case DATE_EQUALS, DATE_NOT_EQUALS -> ConditionValues.compareDates(requestValue, policyValue, c -> c == 0);
            case DATE_LESS_THAN -> ConditionValues.compareDates(requestValue, policyValue, c -> c < 0);
            case DATE_LESS_THAN_EQUALS -> ConditionValues.compareDates(requestValue, policyValue, c -> c <= 0);
            case DATE_GREATER_THAN -> ConditionValues.compareDates(requestValue, policyValue, c -> c > 0);
            case DATE_GREATER_THAN_EQUALS -> ConditionValues.compareDates(requestValue, policyValue, c -> c >= 0);
            case BOOL -> acceptsPolicyValue(requestValue) && requestValue.equalsIgnoreCase(policyValue);
            case BINARY_EQUALS -> ConditionValues.sameBytes(requestValue, policyValue);
            case NULL -> false;
        };
    }
}
