package io.lockstream.server.it;

import io.lockstream.common.aws.Site;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.authz.PolicyKeyAuthorizer;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KeyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A second, in-test {@link KmsService} over its own {@link KeyStore} on the shared broker's {@code kms.keys}
 * topic: another "instance" of the KMS, with a clock and root key of the test's choosing.
 */
final class StandaloneKms implements AutoCloseable {
    final KeyStore store;
    final KmsService kms;

    private StandaloneKms(KeyStore store, KmsService kms) {
        this.store = store;
        this.kms = kms;
    }

    static StandaloneKms start(Clock clock) {
        try {
            return start(clock, RootKey.loadOrCreate(TestLockstream.dataDir().resolve("root.key")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException if {@code rootKey} is not the one the topic's material is wrapped with */
    static StandaloneKms start(Clock clock, RootKey rootKey) {
        KeyStore store = new KeyStore(KafkaSettings.of(TestLockstream.get().bootstrapServers()));
        try {
            store.start(Duration.ofSeconds(30));
            KmsService kms = new KmsService(new Site(TestLockstream.REGION, TestLockstream.ACCOUNT), store, rootKey,
                    new PolicyKeyAuthorizer(p -> List.of()), clock);
            return new StandaloneKms(store, kms);
        } catch (TimeoutException | RuntimeException e) {
            store.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kms.deletions().close();
        store.close();
    }
}
