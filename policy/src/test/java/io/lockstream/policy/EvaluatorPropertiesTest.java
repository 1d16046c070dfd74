package io.lockstream.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the evaluator that must hold for every policy (IAM-UG {@code reference_policies_evaluation-logic.md}). */
class EvaluatorPropertiesTest {

    @Provide
    Arbitrary<PolicyDocument> keyPolicies() {
        return PolicyArbitraries.keyPolicies();
    }

    @Provide
    Arbitrary<AuthorizationRequest> requests() {
        return PolicyArbitraries.requests();
    }

    @Provide
    Arbitrary<Statement> denies() {
        return PolicyArbitraries.keyStatements(PolicyArbitraries.PRINCIPALS_IN_ACCOUNT)
                .map(s -> new Statement(s.sid(), Effect.DENY, s.principal(), s.action(), s.resource(), s.conditions()));
    }

    @Provide
    Arbitrary<PolicyDocument> foreignKeyPolicies() {
        return PolicyArbitraries.keyPolicies(PolicyArbitraries.FOREIGN_PRINCIPALS).map(p -> new PolicyDocument(p.version(), p.id(),
                p.statements().stream()
                        .map(s -> new Statement(s.sid(), s.effect(), s.principal().map(b -> new PrincipalBlock(false, b.principals())),
                                s.action(), s.resource(), s.conditions()))
                        .toList()));
    }

    @Property
    void explicitDeny_addedAnywhere_neverTurnsADenialIntoAnAllow(@ForAll("keyPolicies") PolicyDocument policy,
                                                                 @ForAll("requests") AuthorizationRequest request,
                                                                 @ForAll("denies") Statement deny,
                                                                 @ForAll Random random) {
        Decision before = PolicyEvaluator.evaluate(policy, request);
        List<Statement> statements = new ArrayList<>(policy.statements());
        statements.add(random.nextInt(statements.size() + 1), deny);
        Decision after = PolicyEvaluator.evaluate(new PolicyDocument(policy.version(), policy.id(), statements), request);
        Statistics.label("before").collect(before.outcome());
        Statistics.label("before").coverage(c -> {
            c.check(Decision.Outcome.ALLOW).percentage(p -> p > 5);
            c.check(Decision.Outcome.EXPLICIT_DENY).percentage(p -> p > 5);
        });
        if (!before.allowed()) {
            assertThat(after.allowed()).isFalse();
        }
        if (before.outcome() == Decision.Outcome.EXPLICIT_DENY) {
            assertThat(after.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        }
    }

    @Property
    void identityDeny_added_neverTurnsADenialIntoAnAllow(@ForAll("keyPolicies") PolicyDocument policy,
                                                         @ForAll("requests") AuthorizationRequest request) {
        Caller caller = request.caller();
        if (caller.kind() != Caller.Kind.USER && caller.kind() != Caller.Kind.ROLE) {
            return;
        }
        Decision before = PolicyEvaluator.evaluate(policy, request);
        List<PolicyDocument> withDeny = new ArrayList<>(caller.identityPolicies());
        withDeny.add(PolicyDocument.of(new Statement(null, Effect.DENY, java.util.Optional.empty(), ActionBlock.of(request.action()),
                ResourceBlock.of("*"), List.of())));
        Caller denied = new Caller(caller.kind(), caller.arn(), caller.account(), withDeny);
        Decision after = PolicyEvaluator.evaluate(policy, new AuthorizationRequest(denied, request.action(), request.resourceArn(), request.context()));
        assertThat(after.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        if (!before.allowed()) {
            assertThat(after.allowed()).isFalse();
        }
    }

    @Property
    void keyPolicyNamingNeitherCallerNorItsAccountNorEveryone_neverGrants(@ForAll("foreignKeyPolicies") PolicyDocument policy,
                                                                          @ForAll("requests") AuthorizationRequest request) {
        Decision decision = PolicyEvaluator.evaluate(policy, request);
        assertThat(decision.allowed()).isFalse();
        if (decision.outcome() == Decision.Outcome.IMPLICIT_DENY) {
            assertThat(decision.basis()).isEqualTo(Decision.PolicyType.RESOURCE_BASED);
        }
    }

    @Property
    void removingConditionsFromAnAllowStatement_neverTurnsAnAllowIntoADeny(@ForAll("keyPolicies") PolicyDocument policy,
                                                                           @ForAll("requests") AuthorizationRequest request,
                                                                           @ForAll Random random) {
        Decision before = PolicyEvaluator.evaluate(policy, request);
        List<Statement> statements = new ArrayList<>(policy.statements());
        int i = random.nextInt(statements.size());
        Statement s = statements.get(i);
        if (s.effect() != Effect.ALLOW || s.conditions().isEmpty()) {
            return;
        }
        List<Condition> fewer = new ArrayList<>(s.conditions());
        fewer.remove(random.nextInt(fewer.size()));
        statements.set(i, s.withConditions(fewer));
        Decision after = PolicyEvaluator.evaluate(new PolicyDocument(policy.version(), policy.id(), statements), request);
        Statistics.label("before").collect(before.outcome());
        if (before.allowed()) {
            assertThat(after.allowed()).isTrue();
        }
    }

    @Property
    void evaluation_isDeterministicAndIndependentOfStatementOrder(@ForAll("keyPolicies") PolicyDocument policy,
                                                                  @ForAll("requests") AuthorizationRequest request,
                                                                  @ForAll Random random) {
        Decision first = PolicyEvaluator.evaluate(policy, request);
        assertThat(PolicyEvaluator.evaluate(policy, request)).isEqualTo(first);
        List<Statement> shuffled = new ArrayList<>(policy.statements());
        Collections.shuffle(shuffled, random);
        assertThat(PolicyEvaluator.evaluate(new PolicyDocument(policy.version(), policy.id(), shuffled), request)).isEqualTo(first);
    }

    @Property
    void serviceCaller_isOnlyEverGrantedByServiceOrEveryonePrincipals(@ForAll("keyPolicies") PolicyDocument policy,
                                                                      @ForAll("serviceRequests") AuthorizationRequest request) {
        List<Statement> withoutServiceOrWildcard = policy.statements().stream()
                .filter(s -> s.principal().orElseThrow().negated()
                        || s.principal().orElseThrow().principals().stream().noneMatch(p -> p.isWildcard() || p.type() == Principal.Type.SERVICE))
                .toList();
        Decision d = PolicyEvaluator.evaluate(new PolicyDocument(null, null, withoutServiceOrWildcard), request);
        assertThat(d.allowed()).isFalse();
    }

    @Provide
    Arbitrary<AuthorizationRequest> serviceRequests() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(PolicyArbitraries.ACTIONS), Arbitraries.of(PolicyArbitraries.CONTEXTS))
                .as((action, context) -> Fixtures.request(Caller.service(Fixtures.LOGS), action, context));
    }
}
