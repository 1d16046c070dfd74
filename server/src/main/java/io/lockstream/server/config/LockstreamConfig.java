package io.lockstream.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Lockstream's configuration: one YAML file, parsed strictly (unknown and duplicate keys are errors) into
 * these immutable records, with defaults applied here, once. Every key is documented in
 * {@code docs/configuration.md}; {@code ConfigurationDocTest} fails if a key is missing there.
 *
 * @param region region the deployment presents ({@code us-west-2})
 * @param account the 12-digit account that owns log groups and keys ({@code 123456789012})
 * @param dataDir where the embedded broker, state stores and the generated root key live ({@code ./data})
 * @param http the HTTP endpoint
 * @param kafka how to reach Kafka, or the embedded broker
 * @param rootKeyFile file holding the base64 root key; default {@code <dataDir>/root.key}, created if absent
 *     (the environment variable {@code LOCKSTREAM_ROOT_KEY}, read by the launcher, takes precedence)
 * @param principals who may call, by access key; default: the demo account root with {@code test}/{@code test}
 * @param encryptor data key limits of the encryptor
 * @param query read-side settings
 * @param kmsEndpoint URL of a remote AWS-KMS-compatible endpoint, when the KMS does not run in this process
 * @param services which services this process runs: any of {@code kms, ingest, encryptor, query}
 */
public record LockstreamConfig(String region, String account, String dataDir, Http http, Kafka kafka,
                               String rootKeyFile, List<PrincipalConfig> principals, Encryptor encryptor,
                               Query query, String kmsEndpoint, List<String> services) {

    public static final List<String> ALL_SERVICES = List.of("kms", "ingest", "encryptor", "query");

    public LockstreamConfig {
        region = Objects.requireNonNullElse(region, "us-west-2");
        account = Objects.requireNonNullElse(account, "123456789012");
        dataDir = Objects.requireNonNullElse(dataDir, "./data");
        http = Objects.requireNonNullElse(http, new Http(null, null, null));
        kafka = Objects.requireNonNullElse(kafka, new Kafka(null, null, null, null, null));
        principals = principals == null || principals.isEmpty()
                ? List.of(PrincipalConfig.demoRoot(account)) : List.copyOf(principals);
        encryptor = Objects.requireNonNullElse(encryptor, new Encryptor(null, null, null));
        query = Objects.requireNonNullElse(query, new Query(null, null));
        services = services == null || services.isEmpty() ? ALL_SERVICES : List.copyOf(services);
        for (String s : services) {
            if (!ALL_SERVICES.contains(s)) {
                throw new IllegalArgumentException("unknown service '" + s + "'; known: " + ALL_SERVICES);
            }
        }
    }

    /** Defaults everywhere. */
    public static LockstreamConfig defaults() {
        return new LockstreamConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean runs(String service) {
        return services.contains(service);
    }

    /**
     * @param bind address to listen on (default {@code 127.0.0.1}: the demo credentials are public)
     * @param port port (default 4566)
     * @param advertisedHost how other instances reach this one (query routing); default: the bind address,
     *     or the host name when binding to all interfaces
     */
    public record Http(String bind, Integer port, String advertisedHost) {
        public Http {
            bind = Objects.requireNonNullElse(bind, "127.0.0.1");
            port = Objects.requireNonNullElse(port, 4566);
        }
    }

    /**
     * @param bootstrapServers an external Kafka cluster; when absent, an embedded broker is started
     * @param embeddedPort client port of the embedded broker (default 0: any free port)
     * @param partitions partitions of the data topics (default 4)
     * @param replicationFactor replication of Lockstream's topics (default 1; 3 on a real cluster)
     * @param client extra Kafka client properties (security, timeouts), applied to every client
     */
    public record Kafka(String bootstrapServers, Integer embeddedPort, Integer partitions, Short replicationFactor,
                        java.util.Map<String, String> client) {
        public Kafka {
            embeddedPort = Objects.requireNonNullElse(embeddedPort, 0);
            partitions = Objects.requireNonNullElse(partitions, 4);
            replicationFactor = Objects.requireNonNullElse(replicationFactor, (short) 1);
            client = client == null ? java.util.Map.of() : java.util.Map.copyOf(client);
        }
    }

    /**
     * @param dataKeyMaxAge retire a data key after this long (default PT1H)
     * @param dataKeyMaxMessages ... after sealing this many events (default 16777216)
     * @param dataKeyMaxBytes ... after sealing this many plaintext bytes (default 17179869184)
     */
    public record Encryptor(Duration dataKeyMaxAge, Long dataKeyMaxMessages, Long dataKeyMaxBytes) {
        public Encryptor {
            dataKeyMaxAge = Objects.requireNonNullElse(dataKeyMaxAge, Duration.ofHours(1));
            dataKeyMaxMessages = Objects.requireNonNullElse(dataKeyMaxMessages, 1L << 24);
            dataKeyMaxBytes = Objects.requireNonNullElse(dataKeyMaxBytes, 1L << 34);
        }
    }

    /**
     * @param dataKeyCacheMaxAge longest a decrypted data key stays cached (default PT5M); key state and
     *     policy changes invalidate it at once
     * @param purgeInterval how often expired and deleted events are purged from the store and tombstoned in
     *     {@code logs.sealed} (default PT1M); reads hide them at once either way
     */
    public record Query(Duration dataKeyCacheMaxAge, Duration purgeInterval) {
        public Query {
            dataKeyCacheMaxAge = Objects.requireNonNullElse(dataKeyCacheMaxAge, Duration.ofMinutes(5));
            purgeInterval = Objects.requireNonNullElse(purgeInterval, Duration.ofMinutes(1));
        }
    }

    /**
     * A caller, by access key.
     *
     * @param accessKeyId access key id
     * @param secretAccessKey secret access key
     * @param arn {@code arn:aws:iam::ACCOUNT:root}, {@code ...:user/NAME} or {@code ...:role/NAME}; or, for a
     *     service identity, the service name ({@code logs.us-west-2.amazonaws.com})
     * @param policies identity policy documents (JSON strings) of a user or role
     */
    public record PrincipalConfig(String accessKeyId, String secretAccessKey, String arn,
                                  @JsonProperty("policies") List<String> policies) {
        public PrincipalConfig {
            Objects.requireNonNull(accessKeyId, "principals[].accessKeyId");
            Objects.requireNonNull(secretAccessKey, "principals[].secretAccessKey");
            Objects.requireNonNull(arn, "principals[].arn");
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        /** The documented demo identity: access key {@code test}, secret {@code test}, the account root. */
        public static PrincipalConfig demoRoot(String account) {
            return new PrincipalConfig("test", "test", "arn:aws:iam::" + account + ":root", List.of());
        }
    }
}
