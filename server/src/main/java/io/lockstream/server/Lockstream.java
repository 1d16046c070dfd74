package io.lockstream.server;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.auth.SigV4Verifier;
import io.lockstream.common.aws.Site;
import io.lockstream.common.http.AwsJsonServer;
import io.lockstream.common.http.Operation;
import io.lockstream.common.http.ServiceApi;
import io.lockstream.common.http.SigV4Authenticator;
import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.common.kafka.CompactedTopicView;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.encryptor.DataKeyPolicy;
import io.lockstream.encryptor.EncryptorService;
import io.lockstream.ingest.IngestService;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.LocalKeyService;
import io.lockstream.kms.api.TrentServiceApi;
import io.lockstream.kms.authz.PolicyKeyAuthorizer;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KeyStore;
import io.lockstream.query.QueryService;
import io.lockstream.server.config.LockstreamConfig;
import io.lockstream.server.kms.AwsSdkKeyService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lockstream process: whichever of the KMS, ingest, encryptor and query services the configuration
 * selects, behind one HTTP endpoint, against an external Kafka or an embedded broker. Everything started
 * is closed in reverse order, also when start-up fails half-way.
 */
public final class Lockstream implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Lockstream.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private EncryptorService encryptor;
    private QueryService query;
    private AwsJsonServer http;
    private String bootstrapServers;
    private Site site;
    private CountingKeyService keyCalls;

    private Lockstream() {
    }

    /**
     * Starts everything the configuration asks for and returns once it serves requests.
     *
     * @param rootKeyBase64 the root key from the environment, or null to use (or create) the key file
     */
    public static Lockstream start(LockstreamConfig config, String rootKeyBase64) throws IOException, TimeoutException {
        return start(config, rootKeyBase64, null);
    }

    /**
     * INSECURE, BENCHMARKS ONLY: as {@link #start}, but the pipeline stores log events UNENCRYPTED (see
     * {@link InsecureBenchOnly}). The launcher ({@code Main}, {@code ConfigLoader}) never calls this; only
     * the bench harness does, to measure the cost of encryption.
     */
    public static Lockstream startInsecureBenchOnly(LockstreamConfig config, String rootKeyBase64,
                                                    InsecureBenchOnly insecure) throws IOException, TimeoutException {
        return start(config, rootKeyBase64, java.util.Objects.requireNonNull(insecure, "insecure"));
    }

    private static Lockstream start(LockstreamConfig config, String rootKeyBase64, InsecureBenchOnly insecure)
            throws IOException, TimeoutException {
        Lockstream ls = new Lockstream();
        try {
            ls.startAll(config, rootKeyBase64, insecure);
            return ls;
        } catch (IOException | TimeoutException | RuntimeException e) {
            ls.close();
            throw e;
        }
    }

    private void startAll(LockstreamConfig config, String rootKeyBase64, InsecureBenchOnly insecure)
            throws IOException, TimeoutException {
        site = new Site(config.region(), config.account());
        Path dataDir = Path.of(config.dataDir());
        LockstreamConfig.Kafka kc = config.kafka();
        bootstrapServers = kc.bootstrapServers();
        if (bootstrapServers == null) {
            EmbeddedKafka broker = EmbeddedKafka.start(dataDir.resolve("kafka"), kc.embeddedPort());
            resources.push(broker);
            bootstrapServers = broker.bootstrapServers();
        }
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, kc.client());
        try (Admin admin = Admin.create(kafka.admin())) {
            Topics.ensure(admin, kc.partitions(), kc.replicationFactor());
        }
        Identities identities = new Identities(config.principals(), config.account());
        Principal logsPrincipal = Principal.service(site.logsServicePrincipal(), site.account());
        Clock clock = Clock.systemUTC();
        List<ServiceApi> apis = new ArrayList<>();

        KeyService keys;
        List<java.util.function.Consumer<String>> keyChangeListeners = new ArrayList<>();
        if (config.runs("kms")) {
            RootKey rootKey = rootKeyBase64 != null ? RootKey.fromBase64(rootKeyBase64)
                    : RootKey.loadOrCreate(config.rootKeyFile() != null ? Path.of(config.rootKeyFile())
                    : dataDir.resolve("root.key"));
            KeyStore store = new KeyStore(kafka).start(STARTUP);
            resources.push(store);
            KmsService kms = new KmsService(site, store, rootKey,
                    new PolicyKeyAuthorizer(identities::identityPolicies), clock);
            kms.ensureLogsDefaultKey();
            apis.add(new TrentServiceApi(kms).api());
            keys = new LocalKeyService(kms, logsPrincipal);
            store.onChange((keyId, key) -> keyChangeListeners.forEach(l -> l.accept(site.keyArn(keyId))));
        } else {
            LockstreamConfig.PrincipalConfig self = config.principals().stream()
                    .filter(p -> p.arn().equals(site.logsServicePrincipal())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("without a local KMS, principals must include "
                            + "the credentials of " + site.logsServicePrincipal() + " for " + config.kmsEndpoint()));
            AwsSdkKeyService remote = AwsSdkKeyService.create(config.kmsEndpoint(), site.region(), self.accessKeyId(),
                    self.secretAccessKey());
            resources.push(remote);
            keys = remote;
            CompactedTopicView<byte[]> feed = new CompactedTopicView<>(kafka, Topics.KEYS, b -> b);
            feed.addListener((keyId, v) -> keyChangeListeners.forEach(l -> l.accept(site.keyArn(keyId))));
            feed.start(STARTUP);
            resources.push(feed);
        }

        keyCalls = new CountingKeyService(keys);
        keys = keyCalls;

        Map<String, Operation> logsOps = new HashMap<>();
        if (config.runs("ingest") || config.runs("query")) {
            GroupDirectory directory = new GroupDirectory(kafka).start(STARTUP);
            resources.push(directory);
            if (config.runs("ingest")) {
                IngestService ingest = new IngestService(site, kafka, keys, directory, clock);
                resources.push(ingest);
                logsOps.putAll(ingest.operations());
            }
            if (config.runs("query")) {
                query = new QueryService(kafka, keys, directory, dataDir.resolve("streams").resolve("query"),
                        kc.replicationFactor(), config.query().dataKeyCacheMaxAge(), insecure);
                resources.push(query);
                keyChangeListeners.add(query::onKeyChanged);
                logsOps.putAll(query.operations());
                query.start();
            }
        }
        if (config.runs("encryptor")) {
            LockstreamConfig.Encryptor ec = config.encryptor();
            encryptor = new EncryptorService(site, kafka, keys,
                    new DataKeyPolicy(ec.dataKeyMaxAge(), ec.dataKeyMaxMessages(), ec.dataKeyMaxBytes()),
                    dataDir.resolve("streams").resolve("encryptor"), kc.replicationFactor(), insecure);
            resources.push(encryptor);
            keyChangeListeners.add(encryptor::onKeyChanged);
            encryptor.start();
        }
        if (!logsOps.isEmpty()) {
            apis.add(new ServiceApi("Logs_20140328", "logs", "InvalidParameterException", logsOps));
        }
        awaitRunning();
        if (!apis.isEmpty()) {
            http = new AwsJsonServer(config.http().bind(), config.http().port(), apis,
                    new SigV4Authenticator(new SigV4Verifier(identities.credentials(), clock)), this::ready);
            resources.push(http);
            http.start();
        }
    }

    private void awaitRunning() throws TimeoutException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Kafka Streams applications did not reach RUNNING");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted");
            }
        }
    }

    /** True when every Streams application of this process is running. */
    public boolean ready() {
        return (encryptor == null || encryptor.state() == KafkaStreams.State.RUNNING)
                && (query == null || query.state() == KafkaStreams.State.RUNNING);
    }

    /** The HTTP endpoint, {@code http://host:port}. */
    public String endpoint(String host) {
        return "http://" + host + ":" + http.port();
    }

    public int port() {
        return http.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Calls the pipeline (ingest, encryptor, query) made to the key service since start. */
    public long keyServiceCalls() {
        return keyCalls == null ? 0 : keyCalls.calls();
    }

    public Site site() {
        return site;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOGGER.warn("error while closing {}", r.getClass().getSimpleName(), e);
            }
        }
    }
}
