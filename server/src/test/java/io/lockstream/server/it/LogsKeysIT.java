package io.lockstream.server.it;

import static io.lockstream.server.it.LogsAssert.events;
import static io.lockstream.server.it.LogsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lockstream.common.aws.Site;
import io.lockstream.common.kms.ServiceKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.kms.KmsClient;

/** The key lifecycle of issue 4 §4: refused associations, ordering of key changes with data, revocation. */
class LogsKeysIT {
    private static final String DEFAULT_KEY = ServiceKeys.logsDefaultKeyArn(
            new Site(TestLockstream.REGION, TestLockstream.ACCOUNT));
    private static CloudWatchLogsClient logs;
    private static KmsClient kms;

    @BeforeAll
    static void clients() {
        logs = TestLockstream.logs();
        kms = TestLockstream.kms();
    }

    @AfterAll
    static void close() {
        logs.close();
        kms.close();
    }

    private static String accountKey() {
        String key = kms.createKey(b -> b.description("logs it")).keyMetadata().arn();
        kms.putKeyPolicy(b -> b.keyId(key).policyName("default").policy(Policies.forAccount()));
        return key;
    }

    private static LogGroup describe(String g) {
        return logs.describeLogGroups(b -> b.logGroupNamePrefix(g)).logGroups().get(0);
    }

    @Test
    void unusable_keys_are_refused_and_nothing_changes() {
        String g = TestLockstream.uniqueName("refuse");
        String groupArn = Policies.groupArn(g);
        String current = accountKey();
        logs.createLogGroup(b -> b.logGroupName(g).kmsKeyId(current));
        LogGroup before = describe(g);

        String missing = "arn:aws:kms:us-west-2:123456789012:key/00000000-0000-0000-0000-000000000000";
        String notPermitted = kms.createKey(b -> b.description("default policy only")).keyMetadata().arn();
        String disabled = accountKey();
        kms.disableKey(b -> b.keyId(disabled));
        String pending = accountKey();
        kms.scheduleKeyDeletion(b -> b.keyId(pending).pendingWindowInDays(7));

        String denied = "The specified KMS key does not exist or is not allowed to be used with Arn '" + groupArn + "'";
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(missing)), "AccessDeniedException", denied);
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(notPermitted)), "AccessDeniedException",
                denied);
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(disabled)), "InvalidParameterException",
                "disabled");
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(pending)), "InvalidParameterException",
                "not usable");
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId("alias/mine")), "InvalidParameterException",
                "The specified KMS Key Id could not be found. '" + g + "'");
        fails(() -> logs.associateKmsKey(b -> b.logGroupName(TestLockstream.uniqueName("none")).kmsKeyId(current)),
                "ResourceNotFoundException", "The specified log group does not exist.");
        assertThat(describe(g)).isEqualTo(before);

        // CreateLogGroup with such a key creates nothing.
        Map<String, String> expected = Map.of(missing, "AccessDeniedException", notPermitted, "AccessDeniedException",
                disabled, "InvalidParameterException", pending, "InvalidParameterException");
        expected.forEach((key, code) -> {
            String other = TestLockstream.uniqueName("refuse-create");
            fails(() -> logs.createLogGroup(b -> b.logGroupName(other).kmsKeyId(key)), code, "KMS key");
            assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(other)).logGroups()).isEmpty();
        });
    }

    /**
     * Several writers put concurrently while another thread alternates Associate(A), Associate(B), Disassociate.
     * A logical clock orders "sent" and "returned" moments; each acknowledged put's batch (found by its
     * logs.events offset) must be under a key that was current at some point between the last change that had
     * returned before the put was sent and the first change sent after the put returned; with no change in
     * flight during the put, exactly the last returned change's key.
     */
    @Test
    void key_changes_are_ordered_with_concurrent_puts() throws Exception {
        String g = TestLockstream.uniqueName("order");
        String keyA = accountKey();
        String keyB = accountKey();
        logs.createLogGroup(b -> b.logGroupName(g));
        int writers = 4;
        for (int w = 0; w < writers; w++) {
            int id = w;
            logs.createLogStream(b -> b.logGroupName(g).logStreamName("w" + id));
        }
        AtomicLong clock = new AtomicLong();
        List<String> changeKeys = Collections.synchronizedList(new ArrayList<>());
        List<long[]> changeTimes = Collections.synchronizedList(new ArrayList<>());
        changeKeys.add(DEFAULT_KEY);
        changeTimes.add(new long[] {clock.incrementAndGet(), clock.incrementAndGet()});
        record Put(long sent, long returned, long offset) {
        }
        ConcurrentLinkedQueue<Put> puts = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String stream = "w" + w;
            futures.add(pool.submit(() -> {
                int n = 0;
                while (!done.get()) {
                    long sent = clock.incrementAndGet();
                    String token = logs.putLogEvents(b -> b.logGroupName(g).logStreamName(stream)
                            .logEvents(events(System.currentTimeMillis(), stream + "-" + System.nanoTime())))
                            .nextSequenceToken();
                    long returned = clock.incrementAndGet();
                    puts.add(new Put(sent, returned, Long.parseLong(token) - 1));
                    n++;
                }
                return n;
            }));
        }
        futures.add(pool.submit(() -> {
            String[] cycle = {keyA, keyB, null};
            for (int i = 0; i < 12; i++) {
                String key = cycle[i % 3];
                long sent = clock.incrementAndGet();
                if (key == null) {
                    logs.disassociateKmsKey(b -> b.logGroupName(g));
                } else {
                    logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(key));
                }
                long returned = clock.incrementAndGet();
                synchronized (changeKeys) {
                    changeKeys.add(key == null ? DEFAULT_KEY : key);
                    changeTimes.add(new long[] {sent, returned});
                }
                Thread.sleep(200);
            }
            done.set(true);
            return null;
        }));
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(puts.size()).isGreaterThan(20);

        Map<Long, String> keyByOffset = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            keyByOffset.clear();
            SealedTopic.batches(g).forEach(b -> keyByOffset.put(b.sourceOffset(), b.keyArn()));
            assertThat(keyByOffset.keySet()).containsAll(puts.stream().map(Put::offset).collect(Collectors.toList()));
        });
        int strict = 0;
        for (Put p : puts) {
            int lastReturned = 0;
            int firstSentAfter = changeTimes.size();
            for (int i = 0; i < changeTimes.size(); i++) {
                if (changeTimes.get(i)[1] < p.sent()) {
                    lastReturned = i;
                }
                if (changeTimes.get(i)[0] > p.returned() && firstSentAfter == changeTimes.size()) {
                    firstSentAfter = i;
                }
            }
            List<String> allowed = changeKeys.subList(lastReturned, Math.max(lastReturned + 1, firstSentAfter));
            String actual = keyByOffset.get(p.offset());
            assertThat(allowed).as("put %s (sent %d, returned %d)", p, p.sent(), p.returned()).contains(actual);
            if (firstSentAfter == lastReturned + 1) {
                strict++;
                assertThat(actual).isEqualTo(changeKeys.get(lastReturned));
            }
        }
        assertThat(strict).as("puts with no key change in flight").isPositive();
        System.out.println("ordering: " + puts.size() + " acknowledged puts, " + strict + " checked strictly, "
                + (changeKeys.size() - 1) + " key changes");
        assertThat(keyByOffset.values()).contains(keyA, keyB, DEFAULT_KEY);
    }

    @Test
    void revocation_takes_effect_within_a_second_and_is_undone() {
        String g = TestLockstream.uniqueName("revoke");
        String groupArn = Policies.groupArn(g);
        String key = accountKey();
        logs.createLogGroup(b -> b.logGroupName(g).kmsKeyId(key));
        logs.createLogStream(b -> b.logGroupName(g).logStreamName("s"));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(System.currentTimeMillis(), "secret-1", "secret-2")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(read(g)).hasSize(2));

        // DisableKey / EnableKey.
        assertRefusedWithinOneSecond(g, groupArn, key, () -> kms.disableKey(b -> b.keyId(key)));
        assertReadableAgain(g, () -> kms.enableKey(b -> b.keyId(key)));

        // A policy without Decrypt for the logs principal, then the policy restored.
        assertRefusedWithinOneSecond(g, groupArn, key, () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default")
                .policy(Policies.withLogsStatement("[\"kms:Encrypt*\", \"kms:GenerateDataKey*\"]",
                        "{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:*\"}}"))));
        assertReadableAgain(g, () -> kms.putKeyPolicy(b -> b.keyId(key).policyName("default")
                .policy(Policies.forAccount())));

        // ScheduleKeyDeletion, then CancelKeyDeletion + EnableKey.
        assertRefusedWithinOneSecond(g, groupArn, key, () -> kms.scheduleKeyDeletion(b -> b.keyId(key)
                .pendingWindowInDays(7)));
        assertReadableAgain(g, () -> {
            kms.cancelKeyDeletion(b -> b.keyId(key));
            kms.enableKey(b -> b.keyId(key));
        });

        // Old events keep their key: after switching to a new key they still need (and may use) the old one.
        String newKey = accountKey();
        logs.associateKmsKey(b -> b.logGroupName(g).kmsKeyId(newKey));
        logs.putLogEvents(b -> b.logGroupName(g).logStreamName("s")
                .logEvents(events(System.currentTimeMillis(), "secret-3")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(read(g)).hasSize(3));
        assertThat(SealedTopic.batches(g)).extracting(SealedTopic.StoredBatch::keyArn).containsExactly(key, newKey);
        assertRefusedWithinOneSecond(g, groupArn, key, () -> kms.disableKey(b -> b.keyId(key)));
        assertReadableAgain(g, () -> kms.enableKey(b -> b.keyId(key)));
        assertThat(read(g)).containsExactly("secret-1", "secret-2", "secret-3");
    }

    private static List<String> read(String g) {
        return logs.getLogEvents(b -> b.logGroupName(g).logStreamName("s").startFromHead(true)).events().stream()
                .map(OutputLogEvent::message).collect(Collectors.toList());
    }

    /** Time from the KMS call returning to the first refused read (GetLogEvents), polled every 20 ms. */
    private static void assertRefusedWithinOneSecond(String g, String groupArn, String key, Runnable revoke) {
        assertThat(read(g)).isNotEmpty();
        revoke.run();
        long t0 = System.nanoTime();
        CloudWatchLogsException refused = null;
        while (refused == null && System.nanoTime() - t0 < 5_000_000_000L) {
            try {
                List<String> got = read(g);
                assertThat(got).as("never fewer events, never ciphertext").allMatch(m -> m.startsWith("secret-"));
                sleep(20);
            } catch (CloudWatchLogsException e) {
                refused = e;
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(refused).as("reads refused after revocation").isNotNull();
        System.out.println("revocation lag (KMS call returned -> first refused GetLogEvents): " + millis + " ms");
        assertThat(millis).as("revocation lag in ms").isLessThan(1000);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(refused.awsErrorDetails().errorMessage()).contains(key).contains(groupArn);
        fails(() -> logs.filterLogEvents(b -> b.logGroupName(g)), "AccessDeniedException", key);
    }

    private static void assertReadableAgain(String g, Runnable restore) {
        restore.run();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .ignoreException(CloudWatchLogsException.class)
                .untilAsserted(() -> assertThat(read(g)).isNotEmpty().allMatch(m -> m.startsWith("secret-")));
        assertThat(logs.filterLogEvents(b -> b.logGroupName(g)).events()).isNotEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
