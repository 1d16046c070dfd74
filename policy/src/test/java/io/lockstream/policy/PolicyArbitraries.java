package io.lockstream.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lockstream.policy.Fixtures.*;

/** jqwik generators for policies and requests drawn from small, overlapping pools so that statements often apply. */
final class PolicyArbitraries {

    static final List<Principal> PRINCIPALS_IN_ACCOUNT = List.of(
            Principal.any(), Principal.aws("*"), Principal.aws("arn:aws:iam::" + ACCOUNT + ":root"), Principal.aws(ACCOUNT),
            Principal.aws(ALICE), Principal.aws(ADMIN_ROLE), Principal.aws(ADMIN_SESSION), Principal.service(LOGS));
    /** Principals that name nobody in {@link Fixtures#ACCOUNT} and not the logs service. */
    static final List<Principal> FOREIGN_PRINCIPALS = List.of(
            Principal.aws("arn:aws:iam::" + OTHER_ACCOUNT + ":root"), Principal.aws(OTHER_ACCOUNT),
            Principal.aws("arn:aws:iam::" + OTHER_ACCOUNT + ":user/alice"), Principal.aws("arn:aws:iam::" + OTHER_ACCOUNT + ":role/ops/Admin"),
            Principal.service("logs.us-east-1.amazonaws.com"), Principal.service("s3.amazonaws.com"));

    static final List<String> ACTION_PATTERNS = List.of("kms:*", "kms:Decrypt*", "kms:Decrypt", "kms:Encrypt*", "kms:GenerateDataKey*",
            "kms:Describe*", "kms:PutKeyPolicy", "KMS:DECRYPT", "kms:?ecrypt", "*");
    static final List<String> ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:PutKeyPolicy");
    static final List<String> RESOURCES = List.of("*", KEY_ARN, "arn:aws:kms:us-west-2:123456789012:key/*",
            "arn:aws:kms:us-west-2:123456789012:key/other");
    static final List<Condition> CONDITIONS = List.of(
            Condition.of(ConditionOperator.of(BaseOperator.ARN_EQUALS), "kms:EncryptionContext:aws:logs:arn", GROUP),
            Condition.of(ConditionOperator.of(BaseOperator.ARN_LIKE), "kms:EncryptionContext:aws:logs:arn", "arn:aws:logs:us-west-2:123456789012:*"),
            Condition.of(ConditionOperator.of(BaseOperator.STRING_EQUALS), "kms:CallerAccount", ACCOUNT),
            Condition.of(ConditionOperator.of(BaseOperator.NULL), "kms:EncryptionContextKeys", "false"),
            Condition.of(ConditionOperator.of(BaseOperator.STRING_NOT_EQUALS), "aws:PrincipalType", "User"),
            Condition.of(new ConditionOperator(SetQualifier.FOR_ANY_VALUE, BaseOperator.STRING_EQUALS, false), "kms:EncryptionContextKeys", "aws:logs:arn"),
            Condition.of(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_LIKE, false), "kms:EncryptionContextKeys", "aws:*"),
            Condition.of(new ConditionOperator(SetQualifier.NONE, BaseOperator.STRING_EQUALS, true), "aws:PrincipalServiceName", LOGS));
    static final List<Map<String, String>> CONTEXTS = List.of(Map.of(), logsContext(GROUP),
            logsContext("arn:aws:logs:us-west-2:123456789012:log-group:other"), logsContext("arn:aws:logs:us-east-1:210987654321:log-group:x"),
            Map.of("Purpose", "test"));

    private PolicyArbitraries() {
    }

    static Arbitrary<Statement> keyStatements(List<Principal> principalPool) {
        Arbitrary<Effect> effects = Arbitraries.of(Effect.class);
        Arbitrary<List<Principal>> principals = Arbitraries.of(principalPool).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> negatePrincipal = Arbitraries.of(false, false, false, true);
        return Combinators.combine(effects, principals, negatePrincipal, actionBlocks(), resourceBlocks(), conditions())
                .as((effect, ps, negate, action, resource, conditions) -> new Statement(null, effect,
                        Optional.of(new PrincipalBlock(negate && effect == Effect.DENY, ps)), action, resource, conditions));
    }

    static Arbitrary<Statement> identityStatements() {
        return Combinators.combine(Arbitraries.of(Effect.ALLOW, Effect.ALLOW, Effect.DENY), actionBlocks(), resourceBlocks(), conditions())
                .as((effect, action, resource, conditions) -> new Statement(null, effect, Optional.empty(), action, resource, conditions));
    }

    static Arbitrary<PolicyDocument> keyPolicies(List<Principal> principalPool) {
        return keyStatements(principalPool).list().ofMinSize(1).ofMaxSize(5).map(s -> new PolicyDocument("2012-10-17", null, s));
    }

    static Arbitrary<PolicyDocument> keyPolicies() {
        return keyPolicies(PRINCIPALS_IN_ACCOUNT);
    }

    static Arbitrary<List<PolicyDocument>> identityPolicies() {
        return identityStatements().list().ofMinSize(1).ofMaxSize(3)
                .map(s -> new PolicyDocument("2012-10-17", null, s)).list().ofMaxSize(2);
    }

    /** Callers of {@link Fixtures#ACCOUNT} (with random identity policies) and the logs service. */
    static Arbitrary<Caller> callers() {
        return identityPolicies().flatMap(policies -> Arbitraries.of(
                Caller.accountRoot(ACCOUNT),
                Caller.user(ALICE, policies),
                Caller.user(BOB, policies),
                Caller.role(ADMIN_SESSION, policies),
                Caller.role("arn:aws:sts::123456789012:assumed-role/Reader/s", policies),
                Caller.service(LOGS)));
    }

    static Arbitrary<AuthorizationRequest> requests() {
        return Combinators.combine(callers(), Arbitraries.of(ACTIONS), Arbitraries.of(CONTEXTS))
                .as((caller, action, context) -> request(caller, action, context));
    }

    private static Arbitrary<ActionBlock> actionBlocks() {
        return Combinators.combine(Arbitraries.of(false, false, false, true), Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(3))
                .as(ActionBlock::new);
    }

    private static Arbitrary<ResourceBlock> resourceBlocks() {
        return Combinators.combine(Arbitraries.of(false, false, false, true), Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(2))
                .as(ResourceBlock::new);
    }

    private static Arbitrary<List<Condition>> conditions() {
        return Arbitraries.of(CONDITIONS).list().ofMaxSize(2);
    }
}
