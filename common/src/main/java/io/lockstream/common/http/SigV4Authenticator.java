package io.lockstream.common.http;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.auth.SigV4Verifier;
import io.lockstream.common.auth.SignedRequest;
import java.util.List;
import java.util.Map;

/** Authenticates every request by its SigV4 signature against the configured credentials. */
public final class SigV4Authenticator implements Authenticator {
    private final SigV4Verifier verifier;

    public SigV4Authenticator(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Principal authenticate(String method, String path, String query, Map<String, List<String>> headers,
                                  byte[] body, String signingName) {
        return verifier.verify(new SignedRequest(method, path, query, headers, body), signingName).principal();
    }
}
