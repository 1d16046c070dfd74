package io.lockstream.policy;

import io.lockstream.policy.json.PolicyParser;

import java.util.List;
import java.util.Map;

/** Shared identities and helpers for the evaluator tests. */
final class Fixtures {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final String REGION = "us-west-2";
    static final String KEY_ARN = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOGS = "logs.us-west-2.amazonaws.com";
    static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    static final String BOB = "arn:aws:iam::123456789012:user/bob";
    static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/ops/Admin";
    static final String ADMIN_SESSION = "arn:aws:sts::123456789012:assumed-role/Admin/session-1";
    static final String GROUP = "arn:aws:logs:us-west-2:123456789012:log-group:my-group";

    private Fixtures() {
    }

    static PolicyDocument policy(String json) {
        return PolicyParser.parse(json);
    }

    static PolicyDocument identityPolicy(String json) {
        return PolicyParser.parseIdentityPolicy(json);
    }

    static Map<String, String> logsContext(String groupArn) {
        return Map.of("aws:logs:arn", groupArn);
    }

    static AuthorizationRequest request(Caller caller, String action, Map<String, String> encryptionContext) {
        return new AuthorizationRequest(caller, action, KEY_ARN, KmsConditionKeys.of(caller, encryptionContext));
    }

    static Decision decide(PolicyDocument keyPolicy, Caller caller, String action, Map<String, String> encryptionContext) {
        return PolicyEvaluator.evaluate(keyPolicy, request(caller, action, encryptionContext));
    }

    static Decision decide(PolicyDocument keyPolicy, Caller caller, String action) {
        return decide(keyPolicy, caller, action, Map.of());
    }

    static Caller alice(PolicyDocument... identityPolicies) {
        return Caller.user(ALICE, List.of(identityPolicies));
    }

    /** An identity policy allowing {@code actions} on {@code resource}. */
    static PolicyDocument iamAllow(String resource, String... actions) {
        return new PolicyDocument("2012-10-17", null, List.of(new Statement(null, Effect.ALLOW, java.util.Optional.empty(),
                ActionBlock.of(actions), ResourceBlock.of(resource), List.of())));
    }
}
