package io.lockstream.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.KeyEpochs;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses PutLogEvents to a log group whose customer managed key the logs service may not use now
 * (disabled, pending deletion, policy without GenerateDataKey for this group), with the error AssociateKmsKey
 * would give, rather than accepting events that could not be encrypted under that key. Verdicts are cached
 * (a usable key for 10 minutes, a refusal for 5 seconds) and every change to a key drops its verdicts at
 * once, so a KMS call is made about once per group and key per 10 minutes.
 */
final class KeyGate {
    private static final Duration USABLE_FOR = Duration.ofMinutes(10);
    private static final Duration REFUSED_FOR = Duration.ofSeconds(5);

    private record Entry(String keyArn, String groupArn) {
    }

    private record Verdict(Optional<AwsException> refusal, long epoch) {
    }

    private final KeyCheck check;
    private final KeyEpochs epochs = new KeyEpochs();
    private final Cache<Entry, Verdict> verdicts;

    KeyGate(KeyCheck check) {
        this(check, LockstreamMetrics.noop());
    }

    KeyGate(KeyCheck check, LockstreamMetrics metrics) {
        this.check = check;
        this.verdicts = metrics.monitor(Caffeine.newBuilder()
                .recordStats()
                .maximumSize(100_000)
                .expireAfter(Expiry.creating((Entry e, Verdict v) -> v.refusal().isPresent()
                        ? REFUSED_FOR : USABLE_FOR))
                .<Entry, Verdict>build(), LockstreamMetrics.CACHE_KEY_GATE);
    }

    void require(String keyArn, String groupArn) {
        Entry entry = new Entry(keyArn, groupArn);
        while (true) {
            Verdict v = verdicts.get(entry, e -> verdict(e));
            if (v.epoch() == epochs.current(keyArn)) {
                if (v.refusal().isPresent()) {
                    throw v.refusal().get();
                }
                return;
            }
            verdicts.asMap().remove(entry, v);
        }
    }

    private Verdict verdict(Entry e) {
        long epoch = epochs.current(e.keyArn());
        try {
            check.requireUsable(e.keyArn(), e.groupArn());
            return new Verdict(Optional.empty(), epoch);
        } catch (AwsException refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return new Verdict(Optional.of(refused), epoch);
        }
    }

    /** Drops the verdicts about {@code keyArn}, including any being made right now. */
    void invalidateKey(String keyArn) {
        epochs.bump(keyArn);
        verdicts.asMap().keySet().removeIf(e -> e.keyArn().equals(keyArn));
    }
}
