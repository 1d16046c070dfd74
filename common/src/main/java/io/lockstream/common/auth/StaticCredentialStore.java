package io.lockstream.common.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable {@link CredentialStore} over a fixed list of credentials. */
public final class StaticCredentialStore implements CredentialStore {

    private final Map<String, Credential> byAccessKeyId;

    /**
     * @param credentials the known credentials
     * @throws IllegalArgumentException if two credentials share an access key ID
     */
    public StaticCredentialStore(List<Credential> credentials) {
        Map<String, Credential> map = new HashMap<>();
        for (Credential credential : credentials) {
            if (map.putIfAbsent(credential.accessKeyId(), credential) != null) {
                throw new IllegalArgumentException("duplicate access key ID: " + credential.accessKeyId());
            }
        }
        this.byAccessKeyId = Map.copyOf(map);
    }

    /** A store of the given credentials. */
    public static StaticCredentialStore of(Credential... credentials) {
        return new StaticCredentialStore(List.of(credentials));
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }

    @Override
    public String toString() {
        return "StaticCredentialStore[" + byAccessKeyId.size() + " credentials]";
    }
}
