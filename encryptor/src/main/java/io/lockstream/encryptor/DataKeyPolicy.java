package io.lockstream.encryptor;

import java.time.Duration;

/**
 * When a data key is retired. AES-GCM with 96-bit deterministic nonces is safe far beyond these limits
 * (NIST SP 800-38D bounds invocations per key at 2^32 for random nonces; encryption.md §4); the defaults
 * stay orders of magnitude below.
 *
 * @param maxAge retire after this long
 * @param maxMessages retire after sealing this many events
 * @param maxBytes retire after sealing this many plaintext bytes
 */
public record DataKeyPolicy(Duration maxAge, long maxMessages, long maxBytes) {
    /** One hour, 2^24 events, 2^34 bytes (16 GiB). */
    public static final DataKeyPolicy DEFAULT = new DataKeyPolicy(Duration.ofHours(1), 1L << 24, 1L << 34);

    public DataKeyPolicy {
        // A whole PutLogEvents batch (up to 10,000 events of up to 1 MiB in all) must fit one data key.
        if (maxAge.isNegative() || maxAge.isZero() || maxMessages < 10_000 || maxMessages > (1L << 32)
                || maxBytes < (1L << 20)) {
            throw new IllegalArgumentException(
                    "data key limits: age > 0, 10,000 <= messages <= 2^32, bytes >= 1 MiB");
        }
    }
}
