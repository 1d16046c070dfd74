package io.lockstream.common.http;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.JsonRequest;

/**
 * One authenticated AWS JSON 1.1 call, as an operation sees it.
 *
 * @param operation the operation name from {@code X-Amz-Target} (after the dot)
 * @param caller the verified caller
 * @param request the request body, with typed accessors
 * @param requestId the {@code x-amzn-RequestId} the response will carry
 */
public record Call(String operation, Principal caller, JsonRequest request, String requestId) {
}
