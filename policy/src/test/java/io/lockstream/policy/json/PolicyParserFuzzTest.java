package io.lockstream.policy.json;

import io.lockstream.policy.MalformedPolicyException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The parser either returns a document or throws {@link MalformedPolicyException}; nothing else escapes. */
class PolicyParserFuzzTest {

    private static final String SEED = """
            {"Version": "2012-10-17", "Id": "key-consolepolicy-3", "Statement": [
              {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
               "Action": "kms:*", "Resource": "*"},
              {"Effect": "Allow", "Principal": {"Service": "logs.us-west-2.amazonaws.com"},
               "Action": ["kms:Encrypt*", "kms:Decrypt*"], "Resource": "*",
               "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-west-2:123456789012:*"},
                             "ForAnyValue:StringEquals": {"kms:EncryptionContextKeys": ["a", 1, true]},
                             "NumericLessThan": {"k": 10}, "DateGreaterThan": {"d": "2020-01-01T00:00:00Z"}}},
              {"Effect": "Deny", "NotPrincipal": {"AWS": ["123456789012", "arn:aws:sts::123456789012:assumed-role/R/s"]},
               "NotAction": "kms:Describe*", "NotResource": "arn:aws:kms:*"}]}""";

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "*", "null", "true", "-1e99999",
            "\"Statement\"", "\"Principal\"", "\"Condition\"", "\"ForAllValues:", "IfExists", "\u00ff", "\u0100", "\t", "\u0000");

    private static void parsesOrRejects(String text) {
        assertThatCode(() -> {
            try {
                PolicyParser.parse(text);
            } catch (MalformedPolicyException expected) {
                // the only permitted failure
            }
            try {
                PolicyParser.parseIdentityPolicy(text);
            } catch (MalformedPolicyException expected) {
                // the only permitted failure
            }
        }).doesNotThrowAnyException();
    }

    @Example
    void seed_isAValidPolicy() {
        assertThat(PolicyParser.parse(SEED).statements()).hasSize(3);
    }

    @Property(tries = 1000)
    void arbitraryStrings(@ForAll String text) {
        parsesOrRejects(text);
    }

    @Property(tries = 2000)
    void mutatedValidPolicies(@ForAll("mutations") String text) {
        parsesOrRejects(text);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, SEED.length());
        Arbitrary<String> inserts = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(3));
        Arbitrary<Integer> cuts = Arbitraries.integers().between(0, 8);
        Arbitrary<String> once = Combinators.combine(positions, inserts, cuts).as((at, insert, cut) ->
                SEED.substring(0, at) + insert + SEED.substring(Math.min(SEED.length(), at + cut)));
        return once.flatMap(first -> Combinators.combine(Arbitraries.integers().between(0, first.length()), Arbitraries.of(TOKENS))
                .as((at, token) -> first.substring(0, at) + token + first.substring(at)));
    }
}
