package io.lockstream.common.http;

import java.util.Map;
import java.util.Objects;

/**
 * The operations of one AWS JSON 1.1 service, addressed by {@code X-Amz-Target: <targetPrefix>.<Operation>}.
 *
 * @param targetPrefix {@code Logs_20140328} or {@code TrentService}
 * @param signingName the SigV4 service name in the credential scope ({@code logs}, {@code kms})
 * @param validationErrorType the error type this service uses for invalid members
 * @param operations operation name to handler
 */
public record ServiceApi(String targetPrefix, String signingName, String validationErrorType,
                         Map<String, Operation> operations) {
    public ServiceApi {
        Objects.requireNonNull(targetPrefix);
        Objects.requireNonNull(signingName);
        Objects.requireNonNull(validationErrorType);
        operations = Map.copyOf(operations);
    }

    /** The same service with more operations (for example ingest's and query's halves of the logs API). */
    public ServiceApi plus(Map<String, Operation> more) {
        var all = new java.util.HashMap<>(operations);
        all.putAll(more);
        return new ServiceApi(targetPrefix, signingName, validationErrorType, all);
    }
}
