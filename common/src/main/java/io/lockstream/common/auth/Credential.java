package io.lockstream.common.auth;

import java.util.List;
import java.util.Objects;

/**
 * An access key known to Lockstream: the key pair, whom it belongs to, and that identity's IAM policies.
 *
 * @param accessKeyId the access key ID, sent in clear in the SigV4 credential scope
 * @param secretKey the secret access key; never printed by {@link #toString()}
 * @param principal the identity the key authenticates as
 * @param identityPolicyJson the identity's IAM policy documents as raw JSON strings, unparsed; may be empty
 */
public record Credential(String accessKeyId, String secretKey, Principal principal, List<String> identityPolicyJson) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(principal, "principal");
        identityPolicyJson = identityPolicyJson == null ? List.of() : List.copyOf(identityPolicyJson);
        if (accessKeyId.isEmpty() || secretKey.isEmpty()) {
            throw new IllegalArgumentException("accessKeyId and secretKey must not be empty");
        }
    }

    /** Redacts the secret key. */
    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", secretKey=<redacted>, principal=" + principal
                + ", identityPolicies=" + identityPolicyJson.size() + "]";
    }
}
