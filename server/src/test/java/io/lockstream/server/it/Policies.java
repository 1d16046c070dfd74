package io.lockstream.server.it;

/** Key policies from the CloudWatch Logs guide ("Encrypt log data in CloudWatch Logs using AWS KMS"). */
final class Policies {
    static final String LOGS_ACTIONS = "[\"kms:Encrypt*\", \"kms:Decrypt*\", \"kms:ReEncrypt*\", "
            + "\"kms:GenerateDataKey*\", \"kms:Describe*\"]";

    private Policies() {
    }

    /** The default root statement plus the logs statement with {@code condition}. */
    static String withLogsStatement(String actionsJson, String conditionJson) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":["
                + "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + TestLockstream.ACCOUNT + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs." + TestLockstream.REGION + ".amazonaws.com\"},"
                + "\"Action\":" + actionsJson + ",\"Resource\":\"*\",\"Condition\":" + conditionJson + "}]}";
    }

    /** ArnEquals: the key works for one log group only. */
    static String forGroup(String groupArn) {
        return withLogsStatement(LOGS_ACTIONS,
                "{\"ArnEquals\":{\"kms:EncryptionContext:aws:logs:arn\":\"" + groupArn + "\"}}");
    }

    /** ArnLike: the key works for every log group of the account. */
    static String forAccount() {
        return withLogsStatement(LOGS_ACTIONS, "{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:"
                + TestLockstream.REGION + ":" + TestLockstream.ACCOUNT + ":*\"}}");
    }

    static String groupArn(String group) {
        return "arn:aws:logs:" + TestLockstream.REGION + ":" + TestLockstream.ACCOUNT + ":log-group:" + group;
    }
}
