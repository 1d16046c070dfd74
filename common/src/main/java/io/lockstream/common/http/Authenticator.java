package io.lockstream.common.http;

import io.lockstream.common.auth.Principal;
import java.util.List;
import java.util.Map;

/** Decides who sent a request, or refuses it with an AWS-shaped error. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @param method HTTP method
     * @param path raw request path
     * @param query raw query string, or empty
     * @param headers request headers as received
     * @param body the request body
     * @param signingName the service the request is for ({@code logs} or {@code kms})
     * @return the verified caller
     * @throws io.lockstream.common.aws.AwsException when the request is not authentic
     */
    Principal authenticate(String method, String path, String query, Map<String, List<String>> headers,
                           byte[] body, String signingName);
}
