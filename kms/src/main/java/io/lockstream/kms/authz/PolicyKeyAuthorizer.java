package io.lockstream.kms.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsKey;
import io.lockstream.policy.AuthorizationRequest;
import io.lockstream.policy.Caller;
import io.lockstream.policy.Decision;
import io.lockstream.policy.DefaultKeyPolicy;
import io.lockstream.policy.KmsConditionKeys;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.PolicyDocument;
import io.lockstream.policy.PolicyEvaluator;
import io.lockstream.policy.PolicyTooLargeException;
import io.lockstream.policy.json.PolicyParser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Authorises KMS requests with the policy engine: the key policy, plus the caller's identity policies
 * where the key policy delegates to the caller's account (aws-wire.md §4.5). Parsed policies are cached by
 * their text, so evaluation costs microseconds and always uses the policy in force now.
 */
public final class PolicyKeyAuthorizer implements KeyAuthorizer {
    private static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";

    private final Function<Principal, List<String>> identityPolicies;
    private final Cache<String, PolicyDocument> keyPolicies = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, PolicyDocument> idPolicies = Caffeine.newBuilder().maximumSize(10_000).build();

    /** @param identityPolicies the identity policy documents (JSON) of each principal */
    public PolicyKeyAuthorizer(Function<Principal, List<String>> identityPolicies) {
        this.identityPolicies = identityPolicies;
    }

    @Override
    public void require(Principal caller, String action, KmsKey key, Map<String, String> encryptionContext) {
        PolicyDocument policy = keyPolicies.get(key.policy(), PolicyParser::parse);
        check(caller, action, key.arn(), policy, encryptionContext);
    }

    /**
     * Account-level actions have no key policy: only identity policies decide. Evaluating against the
     * account's default key policy (which delegates everything to the account) gives exactly that; the
     * account root user is allowed, as it is in AWS.
     */
    @Override
    public void requireAccountAction(Principal caller, String action) {
        check(caller, action, "*", DefaultKeyPolicy.document(caller.account()), Map.of());
    }

    @Override
    public void validatePolicy(String policy, Principal caller, KmsKey key, boolean bypassLockoutSafetyCheck) {
        PolicyDocument parsed;
        try {
            parsed = PolicyParser.parse(policy);
        } catch (PolicyTooLargeException e) {
            throw new AwsException("LimitExceededException", e.getMessage());
        } catch (MalformedPolicyException e) {
            throw new AwsException("MalformedPolicyDocumentException", e.getMessage());
        }
        if (!bypassLockoutSafetyCheck) {
            Decision d = PolicyEvaluator.evaluate(parsed, request(caller, "kms:PutKeyPolicy", key.arn(), Map.of()));
            if (!d.allowed()) {
                throw new AwsException("MalformedPolicyDocumentException", LOCKOUT);
            }
        }
    }

    private void check(Principal caller, String action, String resource, PolicyDocument policy,
                       Map<String, String> context) {
        Decision d = PolicyEvaluator.evaluate(policy, request(caller, action, resource, context));
        if (!d.allowed()) {
            throw AwsException.accessDenied(d.message(caller.arn(), action, resource));
        }
    }

    private AuthorizationRequest request(Principal principal, String action, String resource,
                                         Map<String, String> context) {
        Caller caller = caller(principal);
        return new AuthorizationRequest(caller, action, resource, KmsConditionKeys.of(caller, context));
    }

    private Caller caller(Principal p) {
        switch (p.kind()) {
            case ACCOUNT_ROOT:
                return Caller.accountRoot(p.account());
            case SERVICE:
                return Caller.service(p.arn());
            case USER:
                return Caller.user(p.arn(), identity(p));
            case ROLE:
                return Caller.role(p.arn(), identity(p));
            default:
                throw new IllegalArgumentException("unknown principal kind " + p.kind());
        }
    }

    private List<PolicyDocument> identity(Principal p) {
        return identityPolicies.apply(p).stream().map(json -> idPolicies.get(json, PolicyParser::parseIdentityPolicy))
                .collect(Collectors.toList());
    }
}
