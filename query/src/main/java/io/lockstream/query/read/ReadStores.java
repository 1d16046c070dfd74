package io.lockstream.query.read;

import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.metrics.LockstreamMetrics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Builds the read path over a store (the seam between the Streams application and the read API). */
public final class ReadStores {
    private ReadStores() {
    }

    /** An event scan over {@code store}, decrypting through {@code dataKeys}. */
    public static EventScan scan(ReadOnlyKeyValueStore<Bytes, byte[]> store, DecryptKeyCache dataKeys) {
        return scan(store, dataKeys, LockstreamMetrics.noop());
    }

    /** As above, counting the events opened in {@code metrics}. */
    public static EventScan scan(ReadOnlyKeyValueStore<Bytes, byte[]> store, DecryptKeyCache dataKeys,
                                 LockstreamMetrics metrics) {
        return new EventScan(store, new SealedReader(dataKeys, metrics), false);
    }

    /** INSECURE, bench only: as {@link #scan}, but also serves plaintext-bench batches. */
    public static EventScan scanInsecureBenchOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store, DecryptKeyCache dataKeys) {
        return new EventScan(store, new SealedReader(dataKeys, LockstreamMetrics.noop()), true);
    }
}
