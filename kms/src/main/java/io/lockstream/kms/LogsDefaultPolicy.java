package io.lockstream.kms;

import io.lockstream.common.aws.Site;

/** The key policy of the service's default key for log groups without a customer managed key. */
final class LogsDefaultPolicy {
    private LogsDefaultPolicy() {
    }

    static String text(Site site) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"lockstream-logs-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow CloudWatch Logs to use the key for this account's log groups\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"Service\" : \"" + site.logsServicePrincipal() + "\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Encrypt*\", \"kms:Decrypt*\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", "
                + "\"kms:Describe*\" ],\n"
                + "    \"Resource\" : \"*\",\n"
                + "    \"Condition\" : {\n"
                + "      \"ArnLike\" : {\n"
                + "        \"kms:EncryptionContext:aws:logs:arn\" : \"arn:aws:logs:" + site.region() + ":"
                + site.account() + ":*\"\n"
                + "      }\n"
                + "    }\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow the account to view the key\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + site.account() + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }
}
