package io.lockstream.common.http;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of an AWS JSON 1.1 service: a request body in, a response body (or null for "no output") out. */
@FunctionalInterface
public interface Operation {
    /**
     * Handles a call.
     *
     * @return the response body; {@code null} for operations without output (sent as an empty 200 body)
     * @throws io.lockstream.common.aws.AwsException for any error the caller should see
     */
    JsonNode handle(Call call);
}
