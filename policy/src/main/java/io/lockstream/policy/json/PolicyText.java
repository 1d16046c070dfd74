package io.lockstream.policy.json;

import io.lockstream.policy.MalformedPolicyException;
import io.lockstream.policy.PolicyTooLargeException;

import java.nio.charset.StandardCharsets;

/**
 * Checks on the raw text before any JSON parsing (aws-wire.md §4.4, KMS model {@code PolicyType}
 * pattern {@code [\u0009\u000A\u000D\u0020-\u00FF]+}; KMS-DG {@code resource-limits.md}: key
 * policy document size 32 KB).
 */
final class PolicyText {

    /** Maximum size of a key policy, in UTF-8 bytes. */
    static final int MAX_BYTES = 32 * 1024;

    private PolicyText() {
    }

    static void check(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                throw new MalformedPolicyException(
                        "Policy contains characters that are not allowed. Only tab, line feed, carriage return and"
                                + " characters in the range U+0020 through U+00FF are allowed.",
                        "character U+" + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        if (text.isEmpty()) {
            throw new MalformedPolicyException("", "empty policy");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new PolicyTooLargeException("Policy exceeds the maximum size of " + MAX_BYTES + " bytes.");
        }
    }
}
