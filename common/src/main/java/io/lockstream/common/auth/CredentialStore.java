package io.lockstream.common.auth;

import java.util.Optional;

/** Looks up access keys for {@link SigV4Verifier}. Implementations must be thread-safe. */
@FunctionalInterface
public interface CredentialStore {

    /** The credential whose access key ID is exactly {@code accessKeyId}, if known. */
    Optional<Credential> find(String accessKeyId);
}
