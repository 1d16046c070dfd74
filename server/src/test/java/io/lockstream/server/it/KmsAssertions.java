package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import software.amazon.awssdk.services.kms.model.KmsException;

/** AWS error assertions for KMS calls: code, exact or partial message, HTTP 400. */
final class KmsAssertions {
    private KmsAssertions() {
    }

    interface Call {
        void run() throws Exception;
    }

    /** The call fails with {@code code} (HTTP 400); returns the error message for further checks. */
    static String error(String code, Call call) {
        try {
            call.run();
        } catch (KmsException e) {
            assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            String m = e.awsErrorDetails().errorMessage();
            return m == null ? "" : m;
        } catch (Exception e) {
            fail("expected " + code + " but got " + e);
        }
        return fail("expected " + code + " but the call succeeded");
    }

    static void error(String code, String exactMessage, Call call) {
        assertThat(error(code, call)).isEqualTo(exactMessage);
    }
}
