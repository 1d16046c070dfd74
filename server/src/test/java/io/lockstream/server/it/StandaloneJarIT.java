package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The README's run command, as a user runs it: {@code java -jar server/target/lockstream.jar}. It is ready
 * within 20 s, serves the API, stops cleanly on SIGTERM, and after a restart on the same data directory
 * every key still decrypts what it encrypted before.
 */
class StandaloneJarIT {
    private static final Pattern READY = Pattern.compile("Lockstream ready in .* endpoint (http://[0-9.]+:\\d+) .* kafka (\\S+) ");

    @TempDir
    Path dataDir;

    @Test
    void jar_starts_serves_stops_and_restarts_with_its_data() throws Exception {
        String group = "restart-demo";
        String key;
        Process first = start();
        try {
            URI endpoint = awaitReady(first);
            try (KmsClient kms = kms(endpoint); CloudWatchLogsClient logs = logs(endpoint)) {
                key = kms.createKey(b -> b.policy(Policies.forAccount())).keyMetadata().arn();
                logs.createLogGroup(b -> b.logGroupName(group).kmsKeyId(key));
                logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
                logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                        InputLogEvent.builder().timestamp(System.currentTimeMillis()).message("before-restart").build()));
                awaitMessages(logs, group, "before-restart");
            }
        } finally {
            stop(first);
        }
        assertThat(Files.exists(dataDir.resolve("root.key"))).isTrue();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("root.key")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        Process second = start();
        try {
            URI endpoint = awaitReady(second);
            try (KmsClient kms = kms(endpoint); CloudWatchLogsClient logs = logs(endpoint)) {
                assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).kmsKeyId())
                        .isEqualTo(key);
                logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                        InputLogEvent.builder().timestamp(System.currentTimeMillis()).message("after-restart").build()));
                awaitMessages(logs, group, "before-restart", "after-restart");
                // The encryptor's key associations came back from their changelog: both under the group's key.
                assertThat(SealedTopic.eventKeys(bootstrap, group)).containsExactly(key, key);
                assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().enabled()).isTrue();
            }
        } finally {
            stop(second);
        }
    }

    /**
     * DESIGN.md invariant 5: what PutLogEvents acknowledged survives a crash (SIGKILL of the whole standalone
     * process, broker included, right after the last acknowledgement), and is stored exactly once.
     */
    @Test
    void acknowledged_events_survive_kill_9_exactly_once() throws Exception {
        String group = "crash-demo";
        List<String> acked = new java.util.ArrayList<>();
        String key;
        Process first = start();
        try {
            URI endpoint = awaitReady(first);
            try (KmsClient kms = kms(endpoint); CloudWatchLogsClient logs = logs(endpoint)) {
                key = kms.createKey(b -> b.policy(Policies.forAccount())).keyMetadata().arn();
                logs.createLogGroup(b -> b.logGroupName(group).kmsKeyId(key));
                logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
                for (int batch = 0; batch < 20; batch++) {
                    List<InputLogEvent> events = new java.util.ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        events.add(InputLogEvent.builder().timestamp(System.currentTimeMillis())
                                .message("b" + batch + "-e" + i).build());
                    }
                    logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(events));
                    events.forEach(e -> acked.add(e.message()));
                }
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(first.exitValue()).isEqualTo(137);
        Process second = start();
        try {
            URI endpoint = awaitReady(second);
            try (CloudWatchLogsClient logs = logs(endpoint)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(allMessages(logs, group)).hasSameSizeAs(acked)
                                .containsExactlyInAnyOrderElementsOf(acked));
            }
            assertThat(SealedTopic.eventKeys(bootstrap, group)).hasSize(acked.size()).containsOnly(key);
        } finally {
            stop(second);
        }
    }

    /** Every message of stream "s", following forward tokens until the same token comes back. */
    private static List<String> allMessages(CloudWatchLogsClient logs, String group) {
        List<String> out = new java.util.ArrayList<>();
        String token = null;
        while (true) {
            String t = token;
            var r = logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").startFromHead(true).nextToken(t));
            r.events().forEach(e -> out.add(e.message()));
            if (r.nextForwardToken().equals(token)) {
                return out;
            }
            token = r.nextForwardToken();
        }
    }

    private Process start() throws Exception {
        Path jar = Path.of("target", "lockstream.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-jar", jar.toString(), "--port", "0", "--data-dir",
                dataDir.toString()).redirectErrorStream(false).redirectError(dataDir.resolve("stderr.log").toFile())
                .start();
    }

    /** Reads stdout until the ready line; asserts it comes within 20 s of the JVM starting. */
    private String bootstrap;

    private URI awaitReady(Process p) throws Exception {
        long t0 = System.nanoTime();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
                bootstrap = m.group(2);
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("the server exited without a ready line (exit " + p.waitFor() + ")");
    }

    private static void stop(Process p) throws Exception {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
        assertThat(p.exitValue()).isIn(0, 143);
    }

    private static void awaitMessages(CloudWatchLogsClient logs, String group, String... expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
                assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").startFromHead(true)).events()
                        .stream().map(OutputLogEvent::message).collect(Collectors.toList())).containsExactly(expected));
    }

    private static KmsClient kms(URI endpoint) {
        return KmsClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2).credentialsProvider(creds())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static CloudWatchLogsClient logs(URI endpoint) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2)
                .credentialsProvider(creds()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider creds() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

}
