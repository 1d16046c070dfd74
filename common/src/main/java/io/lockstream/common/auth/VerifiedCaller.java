package io.lockstream.common.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a successful {@link SigV4Verifier#verify}: who signed, and the scope they signed for.
 *
 * @param credential the credential whose secret produced the signature
 * @param region the region named in the credential scope, for example {@code us-west-2}
 * @param service the service named in the credential scope ({@code logs} or {@code kms})
 * @param signedAt the request time the signature covers ({@code X-Amz-Date}, else {@code Date})
 */
public record VerifiedCaller(Credential credential, String region, String service, Instant signedAt) {

    public VerifiedCaller {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    /** The identity the credential belongs to. */
    public Principal principal() {
        return credential.principal();
    }
}
