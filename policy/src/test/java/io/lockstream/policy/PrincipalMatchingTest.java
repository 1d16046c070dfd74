package io.lockstream.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.lockstream.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Principal forms of IAM-UG {@code reference_policies_elements_principal.md} and NotPrincipal
 * semantics of {@code reference_policies_elements_notprincipal.md}, as used by KMS key policies.
 */
class PrincipalMatchingTest {

    private static PolicyDocument allowTo(String principalJson) {
        return policy("""
                {"Statement": {"Effect": "Allow", "Principal": %s, "Action": "kms:Decrypt", "Resource": "*"}}""".formatted(principalJson));
    }

    private static Caller caller(String name) {
        return switch (name) {
            case "root" -> Caller.accountRoot(ACCOUNT);
            case "otherRoot" -> Caller.accountRoot(OTHER_ACCOUNT);
            case "alice" -> alice();
            case "bob" -> Caller.user(BOB, List.of());
            case "adminRole" -> Caller.role(ADMIN_ROLE, List.of());
            case "adminSession" -> Caller.role(ADMIN_SESSION, List.of());
            case "otherSession" -> Caller.role("arn:aws:sts::123456789012:assumed-role/Reader/s", List.of());
            case "logs" -> Caller.service(LOGS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "*"                                                      | logs         | ALLOW
            "*"                                                      | alice        | ALLOW
            {"AWS": "*"}                                             | logs         | ALLOW
            {"AWS": "*"}                                             | otherRoot    | ALLOW
            {"AWS": "arn:aws:iam::123456789012:root"}                | root         | ALLOW
            {"AWS": "123456789012"}                                  | root         | ALLOW
            {"AWS": "123456789012"}                                  | otherRoot    | IMPLICIT_DENY
            {"AWS": "123456789012"}                                  | logs         | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:user/alice"}          | alice        | ALLOW
            {"AWS": "arn:aws:iam::123456789012:user/alice"}          | bob          | IMPLICIT_DENY
            {"AWS": ["arn:aws:iam::123456789012:user/bob", "arn:aws:iam::123456789012:user/alice"]} | alice | ALLOW
            {"AWS": "arn:aws:iam::123456789012:role/ops/Admin"}      | adminRole    | ALLOW
            {"AWS": "arn:aws:iam::123456789012:role/ops/Admin"}      | adminSession | ALLOW
            {"AWS": "arn:aws:iam::123456789012:role/ops/Admin"}      | otherSession | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::210987654321:role/ops/Admin"}      | adminSession | IMPLICIT_DENY
            {"AWS": "arn:aws:sts::123456789012:assumed-role/Admin/session-1"} | adminSession | ALLOW
            {"AWS": "arn:aws:sts::123456789012:assumed-role/Admin/session-1"} | adminRole    | IMPLICIT_DENY
            {"Service": "logs.us-west-2.amazonaws.com"}              | logs         | ALLOW
            {"Service": "logs.us-west-2.amazonaws.com"}              | root         | IMPLICIT_DENY
            {"Service": "logs.us-east-1.amazonaws.com"}              | logs         | IMPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:user/alice", "Service": "logs.us-west-2.amazonaws.com"} | logs | ALLOW
            """)
    void principalForms(String principal, String callerName, Decision.Outcome expected) {
        assertThat(decide(allowTo(principal), caller(callerName), "kms:Decrypt").outcome()).isEqualTo(expected);
    }

    @Test
    void accountPrincipal_grantsUsersOnlyThroughTheirIdentityPolicies() {
        Decision d = decide(allowTo("{\"AWS\": \"123456789012\"}"), caller("adminSession"), "kms:Decrypt");
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.IDENTITY_BASED));
        Caller withPolicy = Caller.role(ADMIN_SESSION, List.of(iamAllow("*", "kms:Decrypt")));
        assertThat(decide(allowTo("{\"AWS\": \"123456789012\"}"), withPolicy, "kms:Decrypt").allowed()).isTrue();
    }

    private static PolicyDocument denyAllExcept(String notPrincipalJson) {
        return policy("""
                {"Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Deny", "NotPrincipal": %s, "Action": "kms:*", "Resource": "*"}]}""".formatted(notPrincipalJson));
    }

    @ParameterizedTest(name = "Deny NotPrincipal {0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"AWS": ["arn:aws:iam::123456789012:user/alice", "123456789012"]}                         | alice        | ALLOW
            {"AWS": ["arn:aws:iam::123456789012:user/alice", "123456789012"]}                         | bob          | EXPLICIT_DENY
            {"AWS": ["arn:aws:iam::123456789012:user/alice", "123456789012"]}                         | root         | ALLOW
            {"AWS": ["arn:aws:iam::123456789012:user/alice", "123456789012"]}                         | logs         | EXPLICIT_DENY
            {"AWS": "arn:aws:iam::123456789012:user/alice"}                                            | alice        | EXPLICIT_DENY
            {"AWS": ["arn:aws:iam::123456789012:role/ops/Admin", "arn:aws:iam::123456789012:root"]}   | adminSession | ALLOW
            {"AWS": ["arn:aws:iam::123456789012:role/ops/Admin", "arn:aws:iam::123456789012:root"]}   | otherSession | EXPLICIT_DENY
            {"Service": "logs.us-west-2.amazonaws.com"}                                                | logs         | ALLOW
            {"Service": "logs.us-west-2.amazonaws.com"}                                                | root         | EXPLICIT_DENY
            """)
    void notPrincipalWithDeny_exemptsOnlyFullyListedPrincipals(String notPrincipal, String callerName, Decision.Outcome expected) {
        assertThat(decide(denyAllExcept(notPrincipal), caller(callerName), "kms:Decrypt").outcome()).isEqualTo(expected);
    }
}
