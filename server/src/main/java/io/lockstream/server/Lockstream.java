package io.lockstream.server;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.auth.SigV4Verifier;
import io.lockstream.common.aws.Site;
import io.lockstream.common.http.AwsJsonServer;
import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.common.http.Operation;
import io.lockstream.common.http.ServiceApi;
import io.lockstream.common.http.SigV4Authenticator;
import io.lockstream.common.kafka.CompactedTopicView;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.metrics.LockstreamMetrics;
import io.lockstream.common.metrics.MeteredKeyService;
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
import io.lockstream.query.QuerySettings;
import io.lockstream.query.route.ReadForwarder;
import io.lockstream.server.config.LockstreamConfig;
import io.lockstream.server.kms.AwsSdkKeyService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lockstream process: whichever of the KMS, ingest, encryptor and query services the configuration
 * selects, behind one HTTP endpoint, against an external Kafka or an embedded broker. Everything started
 * is closed in reverse order, also when start-up fails half-way. Each process has its own Micrometer
 * registry, served in the Prometheus text format at {@code GET /metrics} of its HTTP endpoint.
 */
public final class Lockstream implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Lockstream.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration KMS_SCHEDULE = Duration.ofMinutes(1);
    /** Content type of {@code GET /metrics}: the Prometheus text exposition format. */
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private EncryptorService encryptor;
    private QueryService query;
    private AwsJsonServer http;
    private String bootstrapServers;
    private Site site;
    private PrometheusMeterRegistry registry;
    private LockstreamMetrics metrics;
    private Clock clock;

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
        return start(config, rootKeyBase64, Objects.requireNonNull(insecure, "insecure"));
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
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.push(registry::close);
        metrics = new LockstreamMetrics(registry);
        metrics.readiness(this::ready);
        KafkaSettings kafka = startKafka(config);
        Identities identities = new Identities(config.principals(), config.account());
        clock = Clock.systemUTC();
        // Every process has an endpoint, at least for /health and /metrics (an encryptor serves no API).
        // Bound first (not yet serving): the query service advertises the actual port for routing.
        http = new AwsJsonServer(config.http().bind(), config.http().port(), List.of(),
                new SigV4Authenticator(new SigV4Verifier(identities.credentials(), clock)), this::ready, metrics);
        http.serveMetrics(PROMETHEUS_CONTENT_TYPE, registry::scrape);
        resources.push(http);
        // Called from the kms.keys view thread while services are still being added: copy-on-write.
        List<Consumer<String>> keyChangeListeners = new CopyOnWriteArrayList<>();
        KeyService keys = new MeteredKeyService(
                startKeyService(config, kafka, identities, clock, rootKeyBase64, keyChangeListeners), metrics);
        startLogs(config, kafka, keys, clock, keyChangeListeners, insecure);
        if (config.runs("encryptor")) {
            LockstreamConfig.Encryptor ec = config.encryptor();
            encryptor = new EncryptorService(site, kafka, keys,
                    new DataKeyPolicy(ec.dataKeyMaxAge(), ec.dataKeyMaxMessages(), ec.dataKeyMaxBytes()),
                    dataDir(config).resolve("streams").resolve("encryptor"), config.kafka().replicationFactor(),
                    insecure, metrics);
            resources.push(encryptor);
            keyChangeListeners.add(encryptor::onKeyChanged);
            encryptor.start();
        }
        awaitRunning();
        http.start();
    }

    /** The external cluster, or an embedded broker under the data directory; creates the topics. */
    private KafkaSettings startKafka(LockstreamConfig config) {
        LockstreamConfig.Kafka kc = config.kafka();
        bootstrapServers = kc.bootstrapServers();
        if (bootstrapServers == null) {
            EmbeddedKafka broker = EmbeddedKafka.start(dataDir(config).resolve("kafka"), kc.embeddedPort());
            resources.push(broker);
            bootstrapServers = broker.bootstrapServers();
        }
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, kc.client());
        try (Admin admin = Admin.create(kafka.admin())) {
            Topics.ensure(admin, kc.partitions(), kc.replicationFactor());
        }
        return kafka;
    }

    /**
     * The KMS in this process (serving {@code TrentService.*}) with the seam acting as the logs service
     * principal, or a remote KMS reached over HTTP as that principal. Either way every change to a key is
     * passed to {@code keyChangeListeners} (by key ARN), from {@code kms.keys}.
     */
    private KeyService startKeyService(LockstreamConfig config, KafkaSettings kafka, Identities identities, Clock clock,
                                       String rootKeyBase64, List<Consumer<String>> keyChangeListeners)
            throws IOException, TimeoutException {
        if (config.runs("kms")) {
            RootKey rootKey = rootKeyBase64 != null ? RootKey.fromBase64(rootKeyBase64)
                    : RootKey.loadOrCreate(config.rootKeyFile() != null ? Path.of(config.rootKeyFile())
                    : dataDir(config).resolve("root.key"));
            KeyStore store = new KeyStore(kafka).start(STARTUP);
            resources.push(store);
            KmsService kms = new KmsService(site, store, rootKey,
                    new PolicyKeyAuthorizer(identities::identityPolicies), clock);
            kms.ensureLogsDefaultKey();
            // deletes keys whose DeletionDate has passed and performs due rotations (kms KeyDeletions)
            resources.push(kms.deletions().start(KMS_SCHEDULE));
            http.register(new TrentServiceApi(kms).api());
            store.onTimedChange((keyId, key, writtenAt) -> keyChanged(keyId, writtenAt, keyChangeListeners));
            return new LocalKeyService(kms, Principal.service(site.logsServicePrincipal(), site.account()));
        }
        LockstreamConfig.PrincipalConfig self = serviceIdentity(config).orElseThrow(() -> new IllegalArgumentException(
                "without a local KMS, principals must include the credentials of " + site.logsServicePrincipal()));
        AwsSdkKeyService remote = AwsSdkKeyService.create(config.kmsEndpoint(), site.region(), self.accessKeyId(),
                self.secretAccessKey());
        resources.push(remote);
        CompactedTopicView<byte[]> feed = new CompactedTopicView<>(kafka, Topics.KEYS, b -> b);
        // Changes replayed at start are applied too, but their age is no revocation lag: measured once caught up.
        AtomicBoolean caughtUp = new AtomicBoolean();
        feed.addTimedListener((keyId, v, writtenAt) -> {
            if (caughtUp.get()) {
                keyChanged(keyId, writtenAt, keyChangeListeners);
            } else {
                keyChangeListeners.forEach(l -> l.accept(site.keyArn(keyId)));
            }
        });
        feed.start(STARTUP);
        caughtUp.set(true);
        resources.push(feed);
        return remote;
    }

    /**
     * Tells every cache of this process that a key changed, then records the revocation lag: from the
     * change being written to {@code kms.keys} to now, when nothing cached under the old state is used.
     */
    private void keyChanged(String keyId, long writtenAtMillis, List<Consumer<String>> listeners) {
        String keyArn = site.keyArn(keyId);
        listeners.forEach(l -> l.accept(keyArn));
        if (!listeners.isEmpty()) {
            metrics.revocationLag(Duration.ofMillis(clock.millis() - writtenAtMillis));
        }
    }

    /** Ingest and query: the two halves of the CloudWatch Logs API, over one group directory. */
    private void startLogs(LockstreamConfig config, KafkaSettings kafka, KeyService keys, Clock clock,
                           List<Consumer<String>> keyChangeListeners, InsecureBenchOnly insecure)
            throws IOException, TimeoutException {
        if (!config.runs("ingest") && !config.runs("query")) {
            return;
        }
        GroupDirectory directory = new GroupDirectory(kafka).start(STARTUP);
        resources.push(directory);
        Map<String, Operation> logsOps = new HashMap<>();
        if (config.runs("ingest")) {
            IngestService ingest = new IngestService(site, kafka, keys, directory, clock, metrics);
            resources.push(ingest);
            keyChangeListeners.add(ingest::onKeyChanged);
            logsOps.putAll(ingest.operations());
        }
        if (config.runs("query")) {
            ReadForwarder forwarder = serviceIdentity(config)
                    .map(p -> new ReadForwarder(site.region(), p.accessKeyId(), p.secretAccessKey())).orElse(null);
            query = new QueryService(site, kafka, keys, directory, dataDir(config).resolve("streams").resolve("query"),
                    config.kafka().replicationFactor(),
                    new QuerySettings(config.query().dataKeyCacheMaxAge(), config.query().purgeInterval()), clock,
                    new HostInfo(advertisedHost(config.http()), http.port()), forwarder, insecure, metrics);
            resources.push(query);
            keyChangeListeners.add(query::onKeyChanged);
            logsOps.putAll(query.operations());
            query.start();
        }
        http.register(new ServiceApi("Logs_20140328", "logs", "InvalidParameterException", logsOps));
    }

    /** The configured credentials of the logs service principal, used towards a remote KMS and other instances. */
    private Optional<LockstreamConfig.PrincipalConfig> serviceIdentity(LockstreamConfig config) {
        return config.principals().stream().filter(p -> p.arn().equals(site.logsServicePrincipal())).findFirst();
    }

    private static String advertisedHost(LockstreamConfig.Http h) throws IOException {
        if (h.advertisedHost() != null) {
            return h.advertisedHost();
        }
        return "0.0.0.0".equals(h.bind()) ? InetAddress.getLocalHost().getHostName() : h.bind();
    }

    private static Path dataDir(LockstreamConfig config) {
        return Path.of(config.dataDir());
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

    /** The HTTP endpoint, {@code http://host:port} (for an encryptor alone: only /health and /metrics). */
    public String endpoint(String host) {
        return "http://" + host + ":" + http.port();
    }

    /** The bound HTTP port. */
    public int port() {
        return http.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Calls the pipeline (ingest, encryptor, query) made to the key service since start. */
    public long keyServiceCalls() {
        return metrics.kmsCalls();
    }

    /** This process's meters (also served at {@code GET /metrics}). */
    public MeterRegistry meterRegistry() {
        return registry;
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
