package io.lockstream.common.aws;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where this deployment pretends to live: its region and the account that owns its log groups and keys.
 *
 * @param region AWS region name, for example {@code us-west-2}
 * @param account 12-digit account id
 */
public record Site(String region, String account) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public Site {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("an account id has 12 digits: " + account);
        }
    }

    /** The service principal CloudWatch Logs uses towards KMS: {@code logs.REGION.amazonaws.com}. */
    public String logsServicePrincipal() {
        return "logs." + region + ".amazonaws.com";
    }

    public String logGroupArn(String name) {
        return Arns.logGroup(region, account, name);
    }

    public String keyArn(String keyId) {
        return Arns.key(region, account, keyId);
    }
}
