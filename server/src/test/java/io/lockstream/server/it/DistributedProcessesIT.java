package io.lockstream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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
 * The distributed mode as docker-compose runs it, with processes instead of containers: one process hosts
 * the KMS (and, here, the broker: its embedded one stands in for the cluster), and ingest, encryptor and
 * query each run in their own JVM from the same jar against that broker, reaching the KMS over HTTP as the
 * logs service principal. Two query instances share the store's partitions and route each read to the
 * instance that owns the group (Kafka Streams interactive queries).
 */
class DistributedProcessesIT {
    private static final Pattern READY = Pattern.compile("endpoint (\\S+) .* kafka (\\S+) ");

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void services_in_separate_processes_serve_the_walkthrough() throws Exception {
        Path config = dir.resolve("lockstream.yml");
        Files.writeString(config, "principals:\n"
                + "  - {accessKeyId: test, secretAccessKey: test, arn: \"arn:aws:iam::123456789012:root\"}\n"
                + "  - {accessKeyId: logs-service, secretAccessKey: s3cret, arn: logs.us-west-2.amazonaws.com}\n"
                + "kafka:\n  partitions: 2\n");
        String[] kms = start("kms", config, "--services", "kms");
        URI kmsEndpoint = URI.create(kms[0]);
        String bootstrap = kms[1];
        URI ingest = URI.create(start("ingest", config, "--services", "ingest", "--bootstrap-servers", bootstrap,
                "--kms-endpoint", kms[0])[0]);
        URI encryptor = URI.create(start("encryptor", config, "--services", "encryptor", "--bootstrap-servers",
                bootstrap, "--kms-endpoint", kms[0])[0]);
        URI queryA = URI.create(start("query-a", config, "--services", "query", "--bootstrap-servers", bootstrap,
                "--kms-endpoint", kms[0])[0]);
        URI queryB = URI.create(start("query-b", config, "--services", "query", "--bootstrap-servers", bootstrap,
                "--kms-endpoint", kms[0])[0]);

        try (KmsClient kmsClient = KmsClient.builder().endpointOverride(kmsEndpoint).region(Region.US_WEST_2)
                .credentialsProvider(creds()).httpClient(UrlConnectionHttpClient.create()).build();
             CloudWatchLogsClient writes = logs(ingest);
             CloudWatchLogsClient readsA = logs(queryA);
             CloudWatchLogsClient readsB = logs(queryB)) {
            String key = kmsClient.createKey(b -> b.policy(Policies.forAccount())).keyMetadata().arn();
            // Enough groups that both partitions, and so both query instances, own some of them.
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String group = "distributed-" + i;
                groups.add(group);
                writes.createLogGroup(b -> b.logGroupName(group).kmsKeyId(key));
                writes.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
                writes.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(InputLogEvent.builder()
                        .timestamp(System.currentTimeMillis()).message("across processes " + group).build()));
            }
            // Each query instance answers for every group: its own partition locally, the other's by routing.
            for (String group : groups) {
                for (CloudWatchLogsClient reads : List.of(readsA, readsB)) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                            .untilAsserted(() -> assertThat(reads.getLogEvents(b -> b.logGroupName(group)
                                    .logStreamName("s").startFromHead(true)).events().stream()
                                    .map(OutputLogEvent::message).collect(Collectors.toList()))
                                    .containsExactly("across processes " + group));
                }
                assertThat(SealedTopic.eventKeys(bootstrap, group)).containsExactly(key);
            }
            // The encryptor alone serves no API, but its health and metrics: it sealed all six batches.
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(encryptor.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            String metrics = http.send(HttpRequest.newBuilder(encryptor.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("lockstream_events_sealed_total 6.0");
        }
    }

    /** Starts {@code java -jar lockstream.jar ...}; returns its endpoint and Kafka bootstrap from the ready line. */
    private String[] start(String name, Path config, String... args) throws Exception {
        Path jar = Path.of("target", "lockstream.jar").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--config", config.toString(), "--port", "0",
                "--data-dir", dir.resolve(name).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve(name + ".err").toFile()).start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return new String[] {m.group(1), m.group(2)};
            }
        }
        throw new AssertionError(name + " exited without a ready line: " + Files.readString(dir.resolve(name + ".err")));
    }

    private static CloudWatchLogsClient logs(URI endpoint) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2)
                .credentialsProvider(creds()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider creds() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
