package io.lockstream.policy;

import java.util.List;
import java.util.Optional;

/**
 * The key policy a key gets when CreateKey has no {@code Policy} (KMS-DG {@code key-policy-default.md};
 * wire form per aws-wire.md §4.4): {@code Id} "key-default-1", one statement "Enable IAM User
 * Permissions" allowing the account root {@code kms:*} on {@code *}.
 */
public final class DefaultKeyPolicy {

    private DefaultKeyPolicy() {
    }

    /**
     * @param account the key's 12-digit account id
     * @return the policy text, pretty-printed as GetKeyPolicy returns it
     */
    public static String text(String account) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"key-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + account + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /**
     * @param account the key's 12-digit account id
     * @return the same policy as a document
     */
    public static PolicyDocument document(String account) {
        Statement statement = new Statement("Enable IAM User Permissions", Effect.ALLOW,
                Optional.of(PrincipalBlock.of(Principal.aws("arn:aws:iam::" + account + ":root"))),
                ActionBlock.of("kms:*"), ResourceBlock.of("*"), List.of());
        return new PolicyDocument("2012-10-17", "key-default-1", List.of(statement));
    }
}
