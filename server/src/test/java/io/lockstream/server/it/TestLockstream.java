package io.lockstream.server.it;

import io.lockstream.server.Lockstream;
import io.lockstream.server.config.LockstreamConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One Lockstream per test JVM, shared by every integration test: a real Kafka broker (Testcontainers when
 * a Docker engine is present, else the embedded KRaft broker) and all four services behind one endpoint.
 * Tests isolate themselves by unique log group names, never by separate brokers.
 */
public final class TestLockstream {
    public static final String REGION = "us-west-2";
    public static final String ACCOUNT = "123456789012";
    /** A second identity, without any identity policy: may do nothing unless a key policy names it. */
    public static final String USER_ARN = "arn:aws:iam::123456789012:user/alice";
    /** A user whose identity policy allows setting up keys (the seed's kms:CreateKey, GetKeyPolicy, PutKeyPolicy). */
    public static final String KEY_ADMIN_ARN = "arn:aws:iam::123456789012:user/keyadmin";
    public static final String KEY_ADMIN_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"kms:CreateKey\",\"kms:GetKeyPolicy\",\"kms:PutKeyPolicy\",\"kms:DescribeKey\"],"
            + "\"Resource\":\"*\"}]}";
    /** Credentials that act as the CloudWatch Logs service principal {@code logs.us-west-2.amazonaws.com}. */
    public static final String LOGS_ACCESS_KEY = "logs-service";
    public static final String LOGS_SECRET = "logs-service-secret";

    private static Lockstream instance;
    private static Path dataDir;
    private static KafkaContainer container;

    private TestLockstream() {
    }

    public static synchronized Lockstream get() {
        if (instance == null) {
            try {
                dataDir = Files.createTempDirectory("lockstream-it-");
                String bootstrap = null;
                if (dockerLikely() && DockerClientFactory.instance().isDockerAvailable()) {
                    container = new KafkaContainer("apache/kafka:4.1.0");
                    container.start();
                    bootstrap = container.getBootstrapServers();
                }
                LockstreamConfig config = new LockstreamConfig(REGION, ACCOUNT, dataDir.toString(),
                        new LockstreamConfig.Http("127.0.0.1", 0, null),
                        new LockstreamConfig.Kafka(bootstrap, 0, 2, (short) 1, null), null,
                        List.of(LockstreamConfig.PrincipalConfig.demoRoot(ACCOUNT),
                                new LockstreamConfig.PrincipalConfig("alice", "alice-secret", USER_ARN, List.of()),
                                new LockstreamConfig.PrincipalConfig("keyadmin", "keyadmin-secret", KEY_ADMIN_ARN,
                                        List.of(KEY_ADMIN_POLICY)),
                                new LockstreamConfig.PrincipalConfig(LOGS_ACCESS_KEY, LOGS_SECRET,
                                        "logs." + REGION + ".amazonaws.com", List.of())),
                        null, new LockstreamConfig.Query(null, Duration.ofSeconds(2)), null, null);
                instance = Lockstream.start(config, null);
                Runtime.getRuntime().addShutdownHook(new Thread(TestLockstream::stop));
            } catch (IOException | TimeoutException e) {
                throw new IllegalStateException("cannot start Lockstream for the tests", e);
            }
        }
        return instance;
    }

    /** Asks Testcontainers only where a Docker engine may exist (it logs errors when probing in vain). */
    private static boolean dockerLikely() {
        if (System.getenv("LOCKSTREAM_IT_EMBEDDED") != null) {
            return false;
        }
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static synchronized void stop() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
        if (container != null) {
            container.stop();
        }
    }

    /** Where the embedded broker and the state stores keep their files. */
    public static Path dataDir() {
        get();
        return dataDir;
    }

    public static URI endpoint() {
        return URI.create(get().endpoint("127.0.0.1"));
    }

    public static CloudWatchLogsClient logs() {
        return logs("test", "test");
    }

    public static CloudWatchLogsClient logs(String accessKey, String secret) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static KmsClient kms() {
        return kms("test", "test");
    }

    public static KmsClient kms(String accessKey, String secret) {
        return KmsClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A log group name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
