package io.lockstream.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the query service.
 *
 * @param dataKeyCacheMaxAge longest a decrypted data key stays cached (key changes drop it at once)
 * @param purgeInterval how often expired and deleted batches are purged from the store (and tombstoned in
 *     {@code logs.sealed}); each purge scans the store's batch headers
 */
public record QuerySettings(Duration dataKeyCacheMaxAge, Duration purgeInterval) {
    public QuerySettings {
        Objects.requireNonNull(dataKeyCacheMaxAge, "dataKeyCacheMaxAge");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (dataKeyCacheMaxAge.isNegative() || dataKeyCacheMaxAge.isZero() || purgeInterval.isNegative()
                || purgeInterval.isZero()) {
            throw new IllegalArgumentException("query durations must be positive");
        }
    }
}
