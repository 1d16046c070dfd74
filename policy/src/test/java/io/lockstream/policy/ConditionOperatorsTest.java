package io.lockstream.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.lockstream.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Condition semantics from IAM-UG {@code reference_policies_elements_condition_operators.md},
 * {@code reference_policies_multi-value-conditions.md} and {@code reference_policies_elements_condition.md},
 * each row evaluated through a real statement: {@code Principal "*"} + the condition under test.
 */
class ConditionOperatorsTest {

    private static boolean holds(String conditionJson, Map<String, List<String>> context) {
        PolicyDocument policy = policy("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*",
                               "Condition": %s}}""".formatted(conditionJson));
        return PolicyEvaluator.evaluate(policy, new AuthorizationRequest(Caller.accountRoot(ACCOUNT), "kms:Decrypt", KEY_ARN, context))
                .allowed();
    }

    private static Map<String, List<String>> ctx(String... keyValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} with {1}={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            {"StringEquals": {"k": "abc"}}                 | k | abc   | true
            {"StringEquals": {"k": "abc"}}                 | k | ABC   | false
            {"StringEquals": {"k": ["x", "abc"]}}          | k | abc   | true
            {"StringNotEquals": {"k": ["x", "abc"]}}       | k | abc   | false
            {"StringNotEquals": {"k": ["x", "abc"]}}       | k | y     | true
            {"StringEqualsIgnoreCase": {"k": "abc"}}       | k | ABC   | true
            {"StringNotEqualsIgnoreCase": {"k": "abc"}}    | k | ABC   | false
            {"StringLike": {"k": "a*c"}}                   | k | abbbc | true
            {"StringLike": {"k": "a?c"}}                   | k | abc   | true
            {"StringLike": {"k": "a?c"}}                   | k | abbc  | false
            {"StringLike": {"k": "a*"}}                    | k | Abc   | false
            {"StringNotLike": {"k": "prod-*"}}             | k | dev-1 | true
            {"StringNotLike": {"k": "prod-*"}}             | k | prod-1 | false
            {"NumericEquals": {"k": "10"}}                 | k | 10.0  | true
            {"NumericNotEquals": {"k": 10}}                | k | 11    | true
            {"NumericLessThan": {"k": "10"}}               | k | 9     | true
            {"NumericLessThan": {"k": "10"}}               | k | 10    | false
            {"NumericLessThanEquals": {"k": "10"}}         | k | 10    | true
            {"NumericGreaterThan": {"k": "10"}}            | k | 10    | false
            {"NumericGreaterThanEquals": {"k": "10"}}      | k | 10    | true
            {"NumericEquals": {"k": "10"}}                 | k | ten   | false
            {"DateLessThan": {"k": "2030-01-01T00:00:00Z"}}       | k | 2029-12-31T23:59:59Z | true
            {"DateLessThan": {"k": "2030-01-01T00:00:00Z"}}       | k | 1893456000           | false
            {"DateEquals": {"k": "1893456000"}}                   | k | 2030-01-01T00:00:00Z | true
            {"DateEquals": {"k": "2030-01-01"}}                   | k | 2030-01-01T01:00:00+01:00 | true
            {"DateNotEquals": {"k": "2030-01-01"}}                | k | 2030-01-02           | true
            {"DateGreaterThan": {"k": "2020-06-30T12:00:00Z"}}    | k | 2020-07-01           | true
            {"DateGreaterThanEquals": {"k": "2020-07-01"}}        | k | 2020-07-01T00:00:00Z | true
            {"DateLessThanEquals": {"k": "2020-07-01"}}           | k | 2020-06-30           | true
            {"Bool": {"k": "true"}}                        | k | TRUE  | true
            {"Bool": {"k": true}}                          | k | false | false
            {"BinaryEquals": {"k": "QmluYXJ5"}}            | k | QmluYXJ5 | true
            {"BinaryEquals": {"k": "QmluYXJ5"}}            | k | QmluYXJz | false
            {"ArnEquals": {"k": "arn:aws:iam::*:role/x"}}  | k | arn:aws:iam::123456789012:role/x | true
            {"ArnLike": {"k": "arn:aws:*:role/x"}}         | k | arn:aws:iam::123456789012:role/x | false
            {"ArnNotLike": {"k": "arn:aws:logs:*:*:*"}}    | k | arn:aws:kms:us-west-2:123456789012:key/k | true
            {"ArnNotEquals": {"k": "arn:aws:logs:*:*:*"}}  | k | arn:aws:logs:us-west-2:123456789012:x | false
            """)
    void operator_comparesValues(String condition, String key, String value, boolean expected) {
        assertThat(holds(condition, ctx(key, value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with key absent -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"StringEquals": {"k": "a"}}                    | false
            {"StringNotEquals": {"k": "a"}}                 | true
            {"StringLike": {"k": "*"}}                      | false
            {"StringNotLike": {"k": "*"}}                   | true
            {"ArnLike": {"k": "*:*:*:*:*:*"}}               | false
            {"ArnNotLike": {"k": "*:*:*:*:*:*"}}            | true
            {"NumericEquals": {"k": "1"}}                   | false
            {"NumericNotEquals": {"k": "1"}}                | true
            {"DateNotEquals": {"k": "2020-01-01"}}          | true
            {"Bool": {"k": "false"}}                        | false
            {"StringEqualsIfExists": {"k": "a"}}            | true
            {"ArnLikeIfExists": {"k": "arn:aws:logs:*:*:*"}} | true
            {"NumericLessThanIfExists": {"k": "1"}}         | true
            {"Null": {"k": "true"}}                         | true
            {"Null": {"k": "false"}}                        | false
            {"ForAnyValue:StringEquals": {"k": "a"}}        | false
            {"ForAnyValue:StringNotEquals": {"k": "a"}}     | false
            {"ForAllValues:StringEquals": {"k": "a"}}       | true
            {"ForAllValues:StringNotEquals": {"k": "a"}}    | true
            {"ForAnyValue:StringEqualsIfExists": {"k": "a"}} | true
            """)
    void missingKey_followsTheDocumentedDefaults(String condition, boolean expected) {
        assertThat(holds(condition, ctx("other", "a"))).isEqualTo(expected);
    }

    @Test
    void ifExists_evaluatesNormallyWhenPresent() {
        assertThat(holds("{\"StringEqualsIfExists\": {\"k\": \"a\"}}", ctx("k", "a"))).isTrue();
        assertThat(holds("{\"StringEqualsIfExists\": {\"k\": \"a\"}}", ctx("k", "b"))).isFalse();
    }

    @Test
    void null_requiresSomeEncryptionContext() {
        String requireContext = "{\"Null\": {\"kms:EncryptionContextKeys\": \"false\"}}";
        Caller root = Caller.accountRoot(ACCOUNT);
        assertThat(holds(requireContext, KmsConditionKeys.of(root, Map.of("a", "1")))).isTrue();
        assertThat(holds(requireContext, KmsConditionKeys.of(root, Map.of()))).isFalse();
    }

    @Test
    void conditionKeyNames_areCaseInsensitive_valuesAreNot() {
        Map<String, List<String>> context = KmsConditionKeys.of(Caller.accountRoot(ACCOUNT), Map.of("AppName", "ExampleApp"));
        assertThat(holds("{\"StringEquals\": {\"kms:encryptioncontext:appname\": \"ExampleApp\"}}", context)).isTrue();
        assertThat(holds("{\"StringEquals\": {\"KMS:EncryptionContext:APPNAME\": \"ExampleApp\"}}", context)).isTrue();
        assertThat(holds("{\"StringEquals\": {\"kms:EncryptionContext:AppName\": \"exampleapp\"}}", context)).isFalse();
    }

    @Test
    void forAnyValue_encryptionContextKeys_needsOneListedKey() {
        String condition = "{\"ForAnyValue:StringEquals\": {\"kms:EncryptionContextKeys\": [\"Purpose\", \"Dept\"]}}";
        Caller root = Caller.accountRoot(ACCOUNT);
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of("Purpose", "t", "Other", "x")))).isTrue();
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of("Other", "x")))).isFalse();
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of()))).isFalse();
    }

    @Test
    void forAllValues_encryptionContextKeys_allowsOnlyListedKeys_andEmptyContext() {
        String condition = "{\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"Purpose\", \"Dept\"]}}";
        Caller root = Caller.accountRoot(ACCOUNT);
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of("Purpose", "t", "Dept", "x")))).isTrue();
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of("Purpose", "t", "Other", "x")))).isFalse();
        assertThat(holds(condition, KmsConditionKeys.of(root, Map.of()))).isTrue();
    }

    @Test
    void negatedOperator_withSeveralRequestValues_needsAllOfThemOutside() {
        assertThat(holds("{\"StringNotEquals\": {\"k\": \"a\"}}", ctx("k", "b", "k", "a"))).isFalse();
        assertThat(holds("{\"ForAnyValue:StringNotEquals\": {\"k\": \"a\"}}", ctx("k", "b", "k", "a"))).isTrue();
    }

    @Test
    void differentOperatorsAndKeys_areAnded() {
        String condition = "{\"StringEquals\": {\"a\": \"1\", \"b\": \"2\"}, \"StringLike\": {\"c\": \"x*\"}}";
        assertThat(holds(condition, ctx("a", "1", "b", "2", "c", "xy"))).isTrue();
        assertThat(holds(condition, ctx("a", "1", "b", "2", "c", "yy"))).isFalse();
        assertThat(holds(condition, ctx("a", "1", "b", "3", "c", "xy"))).isFalse();
    }

    @Test
    void callerAccount_withEveryonePrincipal_meansEveryoneInThatAccount() {
        PolicyDocument policy = policy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*",
                               "Condition": {"StringEquals": {"kms:CallerAccount": "123456789012"}}}}""");
        assertThat(decide(policy, alice(), "kms:Decrypt").allowed()).isTrue();
        assertThat(decide(policy, Caller.user("arn:aws:iam::210987654321:user/eve", List.of()), "kms:Decrypt").allowed()).isFalse();
        assertThat(decide(policy, Caller.service(LOGS), "kms:Decrypt").allowed()).isFalse();
    }

    @Test
    void principalArn_ofARoleSession_isTheRoleArn() {
        Map<String, List<String>> context = KmsConditionKeys.of(Caller.role(ADMIN_SESSION, List.of()), Map.of());
        assertThat(context.get("aws:PrincipalArn")).containsExactly("arn:aws:iam::123456789012:role/Admin");
        assertThat(context.get("aws:PrincipalType")).containsExactly("AssumedRole");
        assertThat(context.get("kms:CallerAccount")).containsExactly(ACCOUNT);
    }

    @Test
    void serviceCallers_getServiceNameOnly() {
        Map<String, List<String>> context = KmsConditionKeys.of(Caller.service(LOGS), logsContext(GROUP));
        assertThat(context).containsOnlyKeys("kms:EncryptionContext:aws:logs:arn", "kms:EncryptionContextKeys", "aws:PrincipalServiceName");
        assertThat(context.get("aws:PrincipalServiceName")).containsExactly(LOGS);
    }
}
