package io.lockstream.common.aws;

/**
 * An error that reaches the caller as an AWS JSON 1.1 error: {@code {"__type": type, "message": message}} with
 * an HTTP status. Client errors are 400 (as both services answer on the wire, aws-wire.md §1.2); only faults
 * are 5xx, because SDKs retry 5xx.
 */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    public AwsException(String type, String message) {
        this(type, message, 400);
    }

    public AwsException(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    /** The {@code __type} error code, for example {@code ResourceNotFoundException}. */
    public String type() {
        return type;
    }

    /** The HTTP status code of the response. */
    public int status() {
        return status;
    }

    public static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", message);
    }

    public static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFoundException", message);
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationException", message);
    }

    public static AwsException accessDenied(String message) {
        return new AwsException("AccessDeniedException", message);
    }

    /** A fault on our side: 500, retryable by SDKs. */
    public static AwsException serviceUnavailable(String type, String message) {
        return new AwsException(type, message, 500);
    }

    @Override
    public String toString() {
        return type + " (" + status + "): " + getMessage();
    }
}
