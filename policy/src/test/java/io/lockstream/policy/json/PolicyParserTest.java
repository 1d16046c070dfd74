package io.lockstream.policy.json;

import io.lockstream.policy.BaseOperator;
import io.lockstream.policy.DefaultKeyPolicy;
import io.lockstream.policy.Effect;
import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.PolicyDocument;
import io.lockstream.policy.PolicyTooLargeException;
import io.lockstream.policy.Principal;
import io.lockstream.policy.SetQualifier;
import io.lockstream.policy.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per document rule of aws-wire.md §4.4 (KMS-DG {@code key-policy-overview.md}; IAM-UG grammar). */
class PolicyParserTest {

    private static final String INVALID_PRINCIPALS = "Policy contains a statement with one or more invalid principals.";

    private static String statement(String body) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + body + "]}";
    }

    private static String allow(String principal, String extra) {
        return statement("{\"Effect\": \"Allow\", \"Principal\": " + principal
                + ", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"" + extra + "}");
    }

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(json))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    @Test
    void defaultPolicy_parses() {
        PolicyDocument doc = PolicyParser.parse(DefaultKeyPolicy.text("111122223333"));
        assertThat(doc.id()).isEqualTo("key-default-1");
        Statement s = doc.statements().get(0);
        assertThat(s.sid()).isEqualTo("Enable IAM User Permissions");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.principal().orElseThrow().principals()).containsExactly(Principal.aws("arn:aws:iam::111122223333:root"));
    }

    @Test
    void parseWithText_keepsTheSubmittedTextVerbatim() {
        String text = "{ \"Statement\" :{\"Resource\":\"*\",\"Action\":\"kms:*\",\"Principal\":\"*\",\"Effect\":\"Allow\"},\n\"Version\":\"2012-10-17\"}";
        ParsedPolicy parsed = PolicyParser.parseWithText(text);
        assertThat(parsed.text()).isSameAs(text);
        assertThat(parsed.document().statements()).hasSize(1);
    }

    @Test
    void singleStatementObject_andLatin1Characters_areAccepted() {
        String json = "{\"Statement\": {\"Sid\": \"Cl\u00e9 \u00e0 usage\", \"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"111122223333\"},"
                + " \"NotAction\": [\"kms:Decrypt\"], \"NotResource\": \"arn:aws:kms:*\"}}";
        Statement s = PolicyParser.parse(json).statements().get(0);
        assertThat(s.sid()).isEqualTo("Cl\u00e9 \u00e0 usage");
        assertThat(s.principal().orElseThrow().negated()).isTrue();
        assertThat(s.action().negated()).isTrue();
        assertThat(s.resource().negated()).isTrue();
    }

    @Test
    void conditionOperators_parseWithPrefixAndSuffix() {
        Statement s = PolicyParser.parse(allow("\"*\"", ", \"Condition\": {\"ForAnyValue:StringLikeIfExists\": {\"kms:EncryptionContextKeys\": [\"a*\", 3, true]}}"))
                .statements().get(0);
        var c = s.conditions().get(0);
        assertThat(c.operator().qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
        assertThat(c.operator().base()).isEqualTo(BaseOperator.STRING_LIKE);
        assertThat(c.operator().ifExists()).isTrue();
        assertThat(c.values()).containsExactly("a*", "3", "true");
    }

    @Test
    void characters_outsideTabLfCrAnd0x20To0xFF_areRejected() {
        assertMalformed(statement("").replace("Version", "Versi\u0100n"),
                "Policy contains characters that are not allowed. Only tab, line feed, carriage return and characters in the range U+0020 through U+00FF are allowed.");
        assertThatThrownBy(() -> PolicyParser.parse("{\u0001}")).isInstanceOf(MalformedPolicyException.class);
        String tabsAndNewlines = "{\t\"Statement\":\r\n{\"Effect\":\"Allow\",\n\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}";
        assertThat(PolicyParser.parse(tabsAndNewlines).statements()).hasSize(1);
    }

    @Test
    void size_over32768Bytes_isTooLarge_butExactly32768IsFine() {
        String base = allow("\"*\"", "");
        String fits = base.replace("\"Resource\"", " ".repeat(32768 - base.length()) + "\"Resource\"");
        assertThat(fits).hasSize(32768);
        assertThat(PolicyParser.parse(fits)).isNotNull();
        assertThatThrownBy(() -> PolicyParser.parse(fits.replace("\"Resource\"", " \"Resource\"")))
                .isExactlyInstanceOf(PolicyTooLargeException.class)
                .hasMessage("Policy exceeds the maximum size of 32768 bytes.");
        // Size is counted in UTF-8 bytes: U+00E9 takes two, so 32768 characters are 32769 bytes.
        String latin = fits.replace("kms:Decrypt", "kms:D\u00e9crypt");
        assertThat(latin).hasSize(32768);
        assertThatThrownBy(() -> PolicyParser.parse(latin)).isExactlyInstanceOf(PolicyTooLargeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a policy", "", "[]", "\"x\"", "{", "{\"Statement\": []} x", "null",
            "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": {}}"})
    void invalidJson_orNotAnObject_isMalformedWithEmptyMessage(String text) {
        assertThatThrownBy(() -> PolicyParser.parse(text)).isExactlyInstanceOf(MalformedPolicyException.class).hasMessage("");
    }

    @Test
    void version_mustBeAKnownValue() {
        assertMalformed(statement("").replace("2012-10-17", "2012-10-18"), "The policy Version must be \"2012-10-17\" or \"2008-10-17\".");
        assertThat(PolicyParser.parse(allow("\"*\"", "").replace("2012-10-17", "2008-10-17")).version()).isEqualTo("2008-10-17");
        assertThat(PolicyParser.parse(allow("\"*\"", "").replace("\"Version\": \"2012-10-17\", ", "")).version()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Version\": \"2012-10-17\"}", "{\"Statement\": []}", "{\"Statement\": \"x\"}", "{\"Statement\": null}"})
    void statement_isRequiredAndNonEmpty(String json) {
        assertMalformed(json, "The policy must contain a Statement element that is a statement object or a non-empty array of statements.");
    }

    @Test
    void unknownTopLevelElement_isRejected() {
        assertMalformed("{\"Statement\": {}, \"Extra\": 1}", "Policy document contains an unsupported element: Extra.");
    }

    @Test
    void unknownStatementElement_isRejected() {
        assertMalformed(allow("\"*\"", ", \"Principals\": \"*\""), "Statement contains an unsupported element: Principals.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ", \"Effect\": \"allow\"", ", \"Effect\": \"Maybe\"", ", \"Effect\": true"})
    void effect_mustBeAllowOrDeny(String effect) {
        assertMalformed(statement("{\"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\"" + effect + "}"),
                "Each statement must have an Effect of \"Allow\" or \"Deny\".");
    }

    @Test
    void principal_exactlyOneOfPrincipalAndNotPrincipal() {
        String msg = "Each statement must contain exactly one of Principal and NotPrincipal.";
        assertMalformed(statement("{\"Effect\": \"Deny\", \"Action\": \"kms:*\", \"Resource\": \"*\"}"), msg);
        assertMalformed(statement("{\"Effect\": \"Deny\", \"Principal\": \"*\", \"NotPrincipal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\"}"), msg);
    }

    @Test
    void action_exactlyOneOfActionAndNotAction() {
        String msg = "Each statement must contain exactly one of Action and NotAction.";
        assertMalformed(statement("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Resource\": \"*\"}"), msg);
        assertMalformed(statement("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\", \"NotAction\": \"kms:*\", \"Resource\": \"*\"}"), msg);
    }

    @Test
    void resource_exactlyOneOfResourceAndNotResource() {
        String msg = "Each statement must contain exactly one of Resource and NotResource.";
        assertMalformed(statement("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\"}"), msg);
        assertMalformed(statement("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\", \"NotResource\": \"*\"}"), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"Decrypt\"", "[\"kms:Decrypt\", 1]", "\"\"", "{\"kms\": \"Decrypt\"}"})
    void action_valuesMustBeServicePrefixedStrings(String action) {
        assertMalformed(statement("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": " + action + ", \"Resource\": \"*\"}"),
                "Each action must be \"*\" or a string of the form \"service:action\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"arn:aws:iam::123456789012:root\"",
            "{\"AWS\": \"12345678901\"}",
            "{\"AWS\": \"arn:aws:iam::12345678901:root\"}",
            "{\"AWS\": \"arn:aws:iam::123456789012:user/*\"}",
            "{\"AWS\": \"arn:aws:iam::*:root\"}",
            "{\"AWS\": \"arn:aws:s3:::bucket\"}",
            "{\"AWS\": []}",
            "{\"AWS\": [\"123456789012\", \"bogus\"]}",
            "{\"Service\": \"logs.us-west-2.example.com\"}",
            "{\"Service\": \"*\"}",
            "{\"Federated\": \"cognito-identity.amazonaws.com\"}",
            "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}",
            "{}",
            "\"**\"",
            "[\"*\"]"})
    void principals_mustBeWellFormed(String principal) {
        assertMalformed(allow(principal, ""), INVALID_PRINCIPALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"*\"",
            "{\"AWS\": \"*\"}",
            "{\"AWS\": \"123456789012\"}",
            "{\"AWS\": \"arn:aws:iam::123456789012:root\"}",
            "{\"AWS\": \"arn:aws:iam::123456789012:user/division/alice\"}",
            "{\"AWS\": \"arn:aws:iam::123456789012:role/service-role/Admin\"}",
            "{\"AWS\": \"arn:aws:sts::123456789012:assumed-role/Admin/my-session@example.com\"}",
            "{\"Service\": \"logs.us-west-2.amazonaws.com\"}",
            "{\"Service\": [\"logs.amazonaws.com\", \"delivery.logs.amazonaws.com\"], \"AWS\": [\"123456789012\"]}"})
    void principals_documentedFormsAreAccepted(String principal) {
        assertThat(PolicyParser.parse(allow(principal, "")).statements()).hasSize(1);
    }

    @Test
    void notPrincipal_withAllow_isRejected() {
        assertMalformed(statement("{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"123456789012\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}"),
                "NotPrincipal can be used only in statements with \"Effect\": \"Deny\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEqual", "stringequals", "ForSomeValues:StringEquals", "NullIfExists", "IpAddress", "ForAnyValue:"})
    void condition_unknownOperator_isRejected(String operator) {
        assertMalformed(allow("\"*\"", ", \"Condition\": {\"" + operator + "\": {\"k\": \"v\"}}"),
                "Policy contains an unsupported condition operator: " + operator + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "[]", "{}", "null"})
    void condition_blockMustBeANonEmptyObject(String block) {
        assertMalformed(allow("\"*\"", ", \"Condition\": " + block), "The Condition element must be a non-empty object.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"k\"", "[{\"k\": \"v\"}]", "{}"})
    void condition_operatorMustMapToAnObject(String keys) {
        assertMalformed(allow("\"*\"", ", \"Condition\": {\"StringEquals\": " + keys + "}"),
                "The condition operator StringEquals must map to a non-empty object of condition keys.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "{\"a\": 1}", "[\"a\", null]"})
    void condition_valuesMustBeScalars(String value) {
        assertMalformed(allow("\"*\"", ", \"Condition\": {\"StringEquals\": {\"k\": " + value + "}}"),
                "The condition StringEquals k must have a string, number or boolean value, or a non-empty array of them.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NumericLessThan\": {\"k\": \"ten\"", "DateGreaterThan\": {\"k\": \"yesterday\"", "Bool\": {\"k\": \"yes\"",
            "Null\": {\"k\": \"maybe\"", "BinaryEquals\": {\"k\": \"***\""})
    void condition_valuesMustHaveTheOperatorsType(String operatorAndKey) {
        assertThatThrownBy(() -> PolicyParser.parse(allow("\"*\"", ", \"Condition\": {\"" + operatorAndKey + "}}")))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("has a value of the wrong type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms:EncryptionContext:aws:logs:arn", "KMS:encryptioncontext:Purpose"})
    void forAllValues_withAnEncryptionContextKey_isOverlyPermissive(String key) {
        assertMalformed(allow("\"*\"", ", \"Condition\": {\"ForAllValues:StringEquals\": {\"" + key + "\": \"x\"}}"),
                "OverlyPermissiveCondition: Using the ForAllValues set operator with a single-valued condition key matches"
                        + " requests without the specified encryption context or with an unspecified encryption context."
                        + " To fix, remove ForAllValues.");
        assertThat(PolicyParser.parse(allow("\"*\"", ", \"Condition\": {\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": \"x\"}}")))
                .isNotNull();
    }

    @Test
    void identityPolicy_mustNotNamePrincipals() {
        assertThatThrownBy(() -> PolicyParser.parseIdentityPolicy(allow("\"*\"", "")))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessage("Policy document should not specify a principal.");
        PolicyDocument doc = PolicyParser.parseIdentityPolicy(statement("{\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}"));
        assertThat(doc.statements().get(0).principal()).isEmpty();
    }

    @Test
    void sidAndIdMustBeStrings() {
        assertMalformed(allow("\"*\"", ", \"Sid\": 1"), "The Sid element must be a string.");
        assertMalformed("{\"Id\": [], \"Statement\": {}}", "The Id element must be a string.");
    }

    @Test
    void deepNesting_isMalformedNotAStackOverflow() {
        String deep = "{\"Statement\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> PolicyParser.parse(deep)).isInstanceOf(MalformedPolicyException.class);
    }
}
