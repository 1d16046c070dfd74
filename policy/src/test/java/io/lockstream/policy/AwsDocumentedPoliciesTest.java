package io.lockstream.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.lockstream.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key policies AWS documents: the default key policy (KMS-DG {@code key-policy-default.md}),
 * the CloudWatch Logs statement (CWL-UG {@code encrypt-log-data-kms.md}) and the re-keying step
 * that cuts the old key to {@code kms:Decrypt*} (aws-wire.md §5.1, §5.4).
 */
class AwsDocumentedPoliciesTest {

    private static final String ROOT_STATEMENT = """
            {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}""";

    private static String logsPolicy(String actions, String operator, String groupPattern) {
        return """
                {"Version": "2012-10-17", "Id": "key-default-1", "Statement": [ %s,
                  {"Effect": "Allow", "Principal": {"Service": "logs.us-west-2.amazonaws.com"},
                   "Action": %s, "Resource": "*",
                   "Condition": {"%s": {"kms:EncryptionContext:aws:logs:arn": "%s"}}}]}"""
                .formatted(ROOT_STATEMENT, actions, operator, groupPattern);
    }

    private static final String ALL_LOGS_ACTIONS =
            "[\"kms:Encrypt*\", \"kms:Decrypt*\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:Describe*\"]";

    private static final PolicyDocument ONE_GROUP = policy(logsPolicy(ALL_LOGS_ACTIONS, "ArnEquals", GROUP));
    private static final PolicyDocument WHOLE_ACCOUNT =
            policy(logsPolicy(ALL_LOGS_ACTIONS, "ArnLike", "arn:aws:logs:us-west-2:123456789012:*"));
    private static final PolicyDocument DECRYPT_ONLY = policy(logsPolicy("\"kms:Decrypt*\"", "ArnEquals", GROUP));

    private static final Caller LOGS_SERVICE = Caller.service(LOGS);

    @Test
    void defaultPolicy_allowsAccountRootEverything() {
        PolicyDocument policy = policy(DefaultKeyPolicy.text(ACCOUNT));
        assertThat(policy).isEqualTo(DefaultKeyPolicy.document(ACCOUNT));
        assertThat(decide(policy, Caller.accountRoot(ACCOUNT), "kms:PutKeyPolicy").allowed()).isTrue();
        assertThat(decide(policy, Caller.accountRoot(ACCOUNT), "kms:ScheduleKeyDeletion").allowed()).isTrue();
    }

    @Test
    void defaultPolicy_deniesUserWithoutIdentityPolicy_withIdentityBasedMessage() {
        Decision d = decide(policy(DefaultKeyPolicy.text(ACCOUNT)), alice(), "kms:Decrypt");
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.IDENTITY_BASED));
        assertThat(d.message(ALICE, "kms:Decrypt", KEY_ARN)).isEqualTo(
                "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kms:Decrypt on resource: "
                        + KEY_ARN + " because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void defaultPolicy_deniesLogsService_withResourceBasedMessage() {
        Decision d = decide(policy(DefaultKeyPolicy.text(ACCOUNT)), LOGS_SERVICE, "kms:GenerateDataKey", logsContext(GROUP));
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED));
        assertThat(d.message(LOGS, "kms:GenerateDataKey", KEY_ARN)).isEqualTo(
                "User: logs.us-west-2.amazonaws.com is not authorized to perform: kms:GenerateDataKey on resource: "
                        + KEY_ARN + " because no resource-based policy allows the kms:GenerateDataKey action");
    }

    @Test
    void defaultPolicy_otherAccountRoot_isDenied() {
        assertThat(decide(policy(DefaultKeyPolicy.text(ACCOUNT)), Caller.accountRoot(OTHER_ACCOUNT), "kms:Decrypt").outcome())
                .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey", "KMS:decrypt"})
    void arnEquals_allowsTheNamedGroup(String action) {
        assertThat(decide(ONE_GROUP, LOGS_SERVICE, action, logsContext(GROUP)).allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:logs:us-west-2:123456789012:log-group:other-group",
            "arn:aws:logs:us-west-2:123456789012:log-group:my-group-2",
            "arn:aws:logs:us-west-2:123456789012:log-group:my-group:*",
            "arn:aws:logs:us-east-1:123456789012:log-group:my-group",
            "ARN:aws:logs:us-west-2:123456789012:log-group:my-group"})
    void arnEquals_deniesAnyOtherGroup(String otherGroup) {
        Decision d = decide(ONE_GROUP, LOGS_SERVICE, "kms:Decrypt", logsContext(otherGroup));
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    }

    @Test
    void arnEquals_deniesWithoutEncryptionContext() {
        assertThat(decide(ONE_GROUP, LOGS_SERVICE, "kms:GenerateDataKey").allowed()).isFalse();
    }

    @Test
    void logsStatement_doesNotCoverManagementActions() {
        assertThat(decide(ONE_GROUP, LOGS_SERVICE, "kms:PutKeyPolicy", logsContext(GROUP)).allowed()).isFalse();
        assertThat(decide(ONE_GROUP, LOGS_SERVICE, "kms:ScheduleKeyDeletion", logsContext(GROUP)).allowed()).isFalse();
    }

    @Test
    void logsStatement_otherRegionsServicePrincipal_isDenied() {
        assertThat(decide(ONE_GROUP, Caller.service("logs.us-east-1.amazonaws.com"), "kms:Decrypt", logsContext(GROUP)).allowed())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {GROUP, "arn:aws:logs:us-west-2:123456789012:log-group:a/b/c",
            "arn:aws:logs:us-west-2:123456789012:log-group:with:colons"})
    void arnLike_allowsEveryGroupOfTheAccountAndRegion(String group) {
        assertThat(decide(WHOLE_ACCOUNT, LOGS_SERVICE, "kms:GenerateDataKey", logsContext(group)).allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:logs:us-west-2:210987654321:log-group:my-group",
            "arn:aws:logs:us-east-1:123456789012:log-group:my-group",
            "arn:aws:s3:us-west-2:123456789012:log-group:my-group",
            "arn:aws:logs:us-west-2:123456789012"})
    void arnLike_deniesOtherAccountRegionOrService(String group) {
        assertThat(decide(WHOLE_ACCOUNT, LOGS_SERVICE, "kms:GenerateDataKey", logsContext(group)).allowed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"kms:Decrypt, ALLOW", "kms:GenerateDataKey, IMPLICIT_DENY", "kms:Encrypt, IMPLICIT_DENY",
            "kms:ReEncryptTo, IMPLICIT_DENY", "kms:DescribeKey, IMPLICIT_DENY"})
    void decryptOnly_keepsOldDataReadableButCannotEncrypt(String action, Decision.Outcome expected) {
        assertThat(decide(DECRYPT_ONLY, LOGS_SERVICE, action, logsContext(GROUP)).outcome()).isEqualTo(expected);
    }

    @Test
    void explicitDeny_beatsAnyAllow() {
        PolicyDocument policy = policy("""
                {"Version": "2012-10-17", "Statement": [ %s,
                  {"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"Service": "logs.us-west-2.amazonaws.com"}, "Action": "kms:*", "Resource": "*"},
                  {"Sid": "No reads", "Effect": "Deny", "Principal": {"Service": "logs.us-west-2.amazonaws.com"},
                   "Action": "kms:Decrypt", "Resource": "*"}]}""".formatted(ROOT_STATEMENT));
        Decision d = decide(policy, LOGS_SERVICE, "kms:Decrypt", logsContext(GROUP));
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED));
        assertThat(d.message(LOGS, "kms:Decrypt", KEY_ARN)).isEqualTo("User: logs.us-west-2.amazonaws.com is not authorized to"
                + " perform: kms:Decrypt on resource: " + KEY_ARN + " with an explicit deny in a resource-based policy");
        assertThat(decide(policy, LOGS_SERVICE, "kms:GenerateDataKey", logsContext(GROUP)).allowed()).isTrue();
    }

    @Test
    void explicitDenyToAccount_coversUsersAndRootEvenWithIdentityAllow() {
        PolicyDocument policy = policy("""
                {"Statement": [ %s,
                  {"Effect": "Deny", "Principal": {"AWS": "123456789012"}, "Action": "kms:ScheduleKeyDeletion", "Resource": "*"}]}"""
                .formatted(ROOT_STATEMENT));
        assertThat(decide(policy, Caller.accountRoot(ACCOUNT), "kms:ScheduleKeyDeletion").outcome())
                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decide(policy, alice(iamAllow("*", "kms:*")), "kms:ScheduleKeyDeletion").outcome())
                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decide(policy, alice(iamAllow("*", "kms:*")), "kms:Decrypt").allowed()).isTrue();
    }

    @Test
    void delegation_rootStatementPlusIdentityPolicy_allows() {
        PolicyDocument policy = policy(DefaultKeyPolicy.text(ACCOUNT));
        assertThat(decide(policy, alice(iamAllow(KEY_ARN, "kms:Decrypt")), "kms:Decrypt"))
                .isEqualTo(new Decision(Decision.Outcome.ALLOW, Decision.PolicyType.IDENTITY_BASED));
        assertThat(decide(policy, alice(iamAllow("*", "kms:Decrypt")), "kms:Decrypt").allowed()).isTrue();
        assertThat(decide(policy, alice(iamAllow("arn:aws:kms:us-west-2:123456789012:key/*", "kms:*")), "kms:Decrypt").allowed())
                .isTrue();
    }

    @Test
    void delegation_identityPolicyForAnotherKeyOrAction_isNotEnough() {
        PolicyDocument policy = policy(DefaultKeyPolicy.text(ACCOUNT));
        assertThat(decide(policy, alice(iamAllow("arn:aws:kms:us-west-2:123456789012:key/other", "kms:*")), "kms:Decrypt").outcome())
                .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(decide(policy, alice(iamAllow("*", "kms:Encrypt")), "kms:Decrypt").basis())
                .isEqualTo(Decision.PolicyType.IDENTITY_BASED);
    }

    @Test
    void delegation_limitedToTheActionsOfTheAccountStatement() {
        PolicyDocument policy = policy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                               "Action": "kms:Describe*", "Resource": "*"}}""");
        assertThat(decide(policy, alice(iamAllow("*", "kms:*")), "kms:DescribeKey").allowed()).isTrue();
        assertThat(decide(policy, alice(iamAllow("*", "kms:*")), "kms:Decrypt"))
                .isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED));
    }

    @Test
    void identityPolicyWithoutRootStatement_isIneffective() {
        PolicyDocument policy = policy(logsPolicy(ALL_LOGS_ACTIONS, "ArnEquals", GROUP).replace(ROOT_STATEMENT + ",", ""));
        Decision d = decide(policy, alice(iamAllow("*", "kms:*")), "kms:Decrypt");
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.PolicyType.RESOURCE_BASED));
        assertThat(d.message(ALICE, "kms:Decrypt", KEY_ARN)).endsWith("because no resource-based policy allows the kms:Decrypt action");
    }

    @Test
    void identityDeny_appliesEvenWhenKeyPolicyAllowsDirectly() {
        PolicyDocument policy = policy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"},
                               "Action": "kms:*", "Resource": "*"}}""");
        PolicyDocument deny = identityPolicy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "kms:Decrypt", "Resource": "*"}}""");
        assertThat(decide(policy, alice(), "kms:Decrypt")).isEqualTo(new Decision(Decision.Outcome.ALLOW, Decision.PolicyType.RESOURCE_BASED));
        Decision d = decide(policy, alice(deny), "kms:Decrypt");
        assertThat(d).isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.PolicyType.IDENTITY_BASED));
        assertThat(d.message(ALICE, "kms:Decrypt", KEY_ARN)).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void crossAccount_needsKeyPolicyNamingTheAccountAndAnIdentityPolicyThere() {
        String carol = "arn:aws:iam::210987654321:user/carol";
        PolicyDocument policy = policy("""
                {"Statement": [ %s, {"Effect": "Allow", "Principal": {"AWS": "210987654321"},
                                     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}]}""".formatted(ROOT_STATEMENT));
        assertThat(decide(policy, Caller.user(carol, List.of(iamAllow(KEY_ARN, "kms:Decrypt"))), "kms:Decrypt").allowed()).isTrue();
        assertThat(decide(policy, Caller.user(carol, List.of()), "kms:Decrypt").basis()).isEqualTo(Decision.PolicyType.IDENTITY_BASED);
        assertThat(decide(policy, Caller.user(carol, List.of(iamAllow("*", "kms:*"))), "kms:Encrypt").allowed()).isFalse();
    }

    @Test
    void allowedDecision_hasNoDenialMessage() {
        Decision allow = new Decision(Decision.Outcome.ALLOW, Decision.PolicyType.RESOURCE_BASED);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> allow.message(ALICE, "kms:Decrypt", KEY_ARN));
    }
}
