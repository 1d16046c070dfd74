package io.lockstream.server;

import io.lockstream.common.auth.Credential;
import io.lockstream.common.auth.Principal;
import io.lockstream.common.auth.StaticCredentialStore;
import io.lockstream.server.config.LockstreamConfig.PrincipalConfig;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The configured callers: credentials for SigV4, principals and their identity policies for the KMS. */
final class Identities {
    private static final Pattern IAM = Pattern.compile("arn:aws:iam::(\\d{12}):(root|user/.+|role/.+)");

    private final StaticCredentialStore credentials;
    private final Map<String, List<String>> policiesByArn;

    Identities(List<PrincipalConfig> principals, String account) {
        this.credentials = new StaticCredentialStore(principals.stream()
                .map(p -> new Credential(p.accessKeyId(), p.secretAccessKey(), principal(p.arn(), account), p.policies()))
                .collect(Collectors.toList()));
        this.policiesByArn = principals.stream().collect(Collectors.toMap(PrincipalConfig::arn,
                PrincipalConfig::policies, (a, b) -> a));
    }

    StaticCredentialStore credentials() {
        return credentials;
    }

    List<String> identityPolicies(Principal p) {
        return policiesByArn.getOrDefault(p.arn(), List.of());
    }

    /** The principal an ARN names: account root, user, role, or (for a service name) a service. */
    static Principal principal(String arn, String account) {
        Matcher m = IAM.matcher(arn);
        if (m.matches()) {
            String kind = m.group(2);
            if ("root".equals(kind)) {
                return Principal.accountRoot(m.group(1));
            }
            return new Principal(kind.startsWith("user/") ? Principal.Kind.USER : Principal.Kind.ROLE, arn, m.group(1));
        }
        if (arn.endsWith(".amazonaws.com") && !arn.contains(":")) {
            return Principal.service(arn, account);
        }
        throw new IllegalArgumentException("principals[].arn must be an IAM root, user or role ARN, or a service name: "
                + arn);
    }
}
