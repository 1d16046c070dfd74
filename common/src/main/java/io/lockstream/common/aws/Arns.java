package io.lockstream.common.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARN forms Lockstream issues and accepts, in one place. */
public final class Arns {
    private static final Pattern KEY_ARN =
            Pattern.compile("arn:aws:kms:([a-z0-9-]+):(\\d{12}):key/([A-Za-z0-9-]+)");
    private static final Pattern LOG_GROUP_ARN =
            Pattern.compile("arn:aws:logs:([a-z0-9-]+):(\\d{12}):log-group:([^:]+)(:\\*)?");

    private Arns() {
    }

    /** {@code arn:aws:kms:REGION:ACCOUNT:key/ID}. */
    public static String key(String region, String account, String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    /** {@code arn:aws:kms:REGION:ACCOUNT:alias/NAME} for an alias name {@code alias/NAME}. */
    public static String alias(String region, String account, String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }

    /**
     * The plain log group ARN, {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME}: the value of the
     * encryption context {@code aws:logs:arn} and of {@code logGroupArn} (aws-wire.md §2.1, §5.1).
     */
    public static String logGroup(String region, String account, String name) {
        return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
    }

    /** A key ARN's parts, if {@code arn} is one. */
    public static Optional<KeyArn> parseKey(String arn) {
        Matcher m = KEY_ARN.matcher(arn);
        return m.matches() ? Optional.of(new KeyArn(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** A log group ARN's parts (with or without the trailing {@code :*}), if {@code arn} is one. */
    public static Optional<LogGroupArn> parseLogGroup(String arn) {
        Matcher m = LOG_GROUP_ARN.matcher(arn);
        return m.matches() ? Optional.of(new LogGroupArn(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The parts of a KMS key ARN. */
    public record KeyArn(String region, String account, String keyId) {
    }

    /** The parts of a log group ARN. */
    public record LogGroupArn(String region, String account, String name) {
    }
}
