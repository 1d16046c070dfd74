package io.lockstream.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the principal ARN forms of IAM-UG {@code reference_policies_elements_principal.md}
 * and relates an STS assumed-role session to its role ("a role also covers its assumed-role
 * sessions", aws-wire.md §4.5).
 */
final class PrincipalArn {

    private static final String PARTITION = "arn:aws(?:-[a-z]+)*";
    private static final String NAME = "[\\w+=,.@-]+";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT = Pattern.compile(PARTITION + ":iam::(\\d{12}):root");
    private static final Pattern USER = Pattern.compile(PARTITION + ":iam::(\\d{12}):user/(?:" + NAME + "/)*" + NAME);
    private static final Pattern ROLE = Pattern.compile("(" + PARTITION + "):iam::(\\d{12}):role/(?:" + NAME + "/)*(" + NAME + ")");
    private static final Pattern SESSION = Pattern.compile("(" + PARTITION + "):sts::(\\d{12}):assumed-role/(" + NAME + ")/" + NAME);
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com");

    private PrincipalArn() {
    }

    static boolean isValidAwsPrincipal(String value) {
        return ACCOUNT_ID.matcher(value).matches()
                || ROOT.matcher(value).matches()
                || USER.matcher(value).matches()
                || ROLE.matcher(value).matches()
                || SESSION.matcher(value).matches();
    }

    static boolean isValidServiceName(String value) {
        return SERVICE.matcher(value).matches();
    }

    static boolean isUser(String arn) {
        return USER.matcher(arn).matches();
    }

    static boolean isRoleOrSession(String arn) {
        return ROLE.matcher(arn).matches() || SESSION.matcher(arn).matches();
    }

    static Optional<String> accountOfAccountPrincipal(String value) {
        if (ACCOUNT_ID.matcher(value).matches()) {
            return Optional.of(value);
        }
        Matcher root = ROOT.matcher(value);
        return root.matches() ? Optional.of(root.group(1)) : Optional.empty();
    }

    /** The account id in an IAM or STS ARN (the fifth colon-separated field), if there is one. */
    static Optional<String> accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches() ? Optional.of(parts[4]) : Optional.empty();
    }

    /** True if {@code callerArn} is {@code roleArn} itself or one of its assumed-role sessions. */
    static boolean roleCovers(String roleArn, String callerArn) {
        if (roleArn.equals(callerArn)) {
            return true;
        }
        Matcher role = ROLE.matcher(roleArn);
        Matcher session = SESSION.matcher(callerArn);
        return role.matches() && session.matches()
                && role.group(1).equals(session.group(1))
                && role.group(2).equals(session.group(2))
                && role.group(3).equals(session.group(3));
    }

    /**
     * The value of {@code aws:PrincipalArn} for a role caller: "For IAM roles, the request context
     * returns the ARN of the role, not the ARN of the user that assumed the role" (IAM-UG
     * {@code reference_policies_condition-keys.md}). A session ARN carries no role path, so the
     * role ARN is rebuilt without one.
     */
    static String principalArnOf(String callerArn) {
        Matcher session = SESSION.matcher(callerArn);
        if (session.matches()) {
            return session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3);
        }
        return callerArn;
    }
}
