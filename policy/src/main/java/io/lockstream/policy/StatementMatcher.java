package io.lockstream.policy;

/**
 * Whether a statement's action, resource and condition elements cover a request; the principal is
 * {@link PrincipalMatcher}'s job. "Statement applicability = principal matches ∧ action matches ∧
 * resource matches ∧ all conditions true" (aws-wire.md §4.5 item 3).
 */
final class StatementMatcher {

    private StatementMatcher() {
    }

    static boolean coversRequest(Statement statement, AuthorizationRequest request) {
        return statement.action().matches(request.action())
                && statement.resource().matches(request.resourceArn())
                && statement.conditions().stream().allMatch(c -> ConditionEvaluator.holds(c, request));
    }
}
