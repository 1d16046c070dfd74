package io.lockstream.policy;

/**
 * Evaluates a KMS request against the key policy and the caller's identity policies, as KMS does
 * (KMS-DG {@code policy-evaluation.md}, {@code key-policy-default.md},
 * {@code determining-access-key-policy.md}; IAM-UG {@code reference_policies_evaluation-logic.md}):
 * <ol>
 *   <li>an applicable Deny in the key policy, then in any identity policy, is an explicit deny;</li>
 *   <li>a key-policy Allow naming the caller directly (its ARN, a role covering its session,
 *       {@code *}, its service name, or — for the root user — its account) allows;</li>
 *   <li>a key-policy Allow naming the caller's account (root ARN or bare id) "enables IAM policies":
 *       the request is allowed if an identity policy of the caller also allows it;</li>
 *   <li>otherwise the request is implicitly denied.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /**
     * @param keyPolicy the key policy of the key named by {@code request.resourceArn()}
     * @param request   the request
     * @return the decision
     */
    public static Decision evaluate(PolicyDocument keyPolicy, AuthorizationRequest request) {
        boolean direct = false;
        boolean delegated = false;
        for (Statement s : keyPolicy.statements()) {
            PrincipalMatcher.Match m = s.principal()
                    .map(p -> PrincipalMatcher.match(p, request.caller()))
                    .orElse(PrincipalMatcher.Match.NONE);
            if (m == PrincipalMatcher.Match.NONE || !StatementMatcher.coversRequest(s, request)) {
                continue;
            }
            if (s.effect() == Effect.DENY) {
                // A Deny naming the account applies to every identity in it.
                return new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED);
            }
            direct |= m == PrincipalMatcher.Match.DIRECT;
            delegated |= m == PrincipalMatcher.Match.ACCOUNT;
        }
        boolean identityAllows = false;
        for (PolicyDocument policy : request.caller().identityPolicies()) {
            for (Statement s : policy.statements()) {
                if (!StatementMatcher.coversRequest(s, request)) {
                    continue;
                }
                // "Without such a statement, IAM allows are ineffective but IAM denies still apply" (§4.5 item 4).
                if (s.effect() == Effect.DENY) {
                    return new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.PolicyType.IDENTITY_BASED);
                }
                identityAllows = true;
            }
        }
        if (direct) {
            return new Decision(Decision.Outcome.ALLOW, Decision.PolicyType.RESOURCE_BASED);
        }
        if (delegated) {
            return identityAllows
                    ? new Decision(Decision.Outcome.ALLOW, Decision.PolicyType.IDENTITY_BASED)
                    : new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.IDENTITY_BASED);
        }
        return new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED);
    }
}
