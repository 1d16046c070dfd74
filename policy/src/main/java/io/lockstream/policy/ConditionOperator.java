package io.lockstream.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A full condition operator as written in a policy: optional set prefix, base operator, optional
 * {@code IfExists} suffix, e.g. {@code ForAnyValue:StringLikeIfExists}. "You can add IfExists to
 * the end of any condition operator name except the Null condition" (IAM-UG
 * {@code reference_policies_elements_condition_operators.md}).
 *
 * @param qualifier the set prefix
 * @param base      the base operator
 * @param ifExists  whether the {@code IfExists} suffix is present
 */
public record ConditionOperator(SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";

    /**
     * @throws IllegalArgumentException for {@code NullIfExists}
     */
    public ConditionOperator {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(base, "base");
        if (ifExists && base == BaseOperator.NULL) {
            throw new IllegalArgumentException("Null cannot take the IfExists suffix");
        }
    }

    /**
     * @param base a base operator
     * @return the operator without prefix or suffix
     */
    public static ConditionOperator of(BaseOperator base) {
        return new ConditionOperator(SetQualifier.NONE, base, false);
    }

    /**
     * Parses an operator name. Names are case-sensitive, as in the IAM grammar.
     *
     * @param text e.g. {@code "ForAllValues:StringEquals"}
     * @return the operator, or empty if the text names no supported operator
     */
    public static Optional<ConditionOperator> parse(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        for (BaseOperator base : BaseOperator.values()) {
            if (base.policyName().equals(rest)) {
                if (ifExists && base == BaseOperator.NULL) {
                    return Optional.empty();
                }
                return Optional.of(new ConditionOperator(qualifier, base, ifExists));
            }
        }
        return Optional.empty();
    }

    /** @return the operator as written in a policy */
    public String policyName() {
        return qualifier.prefix() + base.policyName() + (ifExists ? IF_EXISTS : "");
    }
}
