package io.lockstream.server;

import io.lockstream.server.config.ConfigLoader;
import io.lockstream.server.config.LockstreamConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar lockstream.jar}: starts Lockstream. Without {@code --bootstrap-servers} it runs the
 * whole system on an embedded single-node KRaft broker (the standalone default). The environment is read
 * here and only here ({@code LOCKSTREAM_ROOT_KEY}).
 */
@Command(name = "lockstream", mixinStandardHelpOptions = true, version = "lockstream 0.1.0",
        description = "Log events encrypted under customer managed keys, on Kafka; speaks the CloudWatch Logs and "
                + "KMS APIs.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", description = "YAML configuration file (docs/configuration.md)")
    Path config;
    @Option(names = "--port", description = "HTTP port (default 4566)")
    Integer port;
    @Option(names = "--bind", description = "HTTP bind address (default 127.0.0.1)")
    String bind;
    @Option(names = "--data-dir", description = "data directory (default ./data)")
    String dataDir;
    @Option(names = "--bootstrap-servers", description = "external Kafka; without it an embedded broker starts")
    String bootstrapServers;
    @Option(names = "--services", split = ",", description = "services to run: kms,ingest,encryptor,query (default all)")
    List<String> services;
    @Option(names = "--kms-endpoint", description = "KMS endpoint when kms does not run in this process")
    String kmsEndpoint;
    @Option(names = "--region", description = "region (default us-west-2)")
    String region;
    @Option(names = "--account", description = "account id (default 123456789012)")
    String account;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LockstreamConfig c = config == null ? LockstreamConfig.defaults() : ConfigLoader.load(config);
        LockstreamConfig.Kafka k = c.kafka();
        c = new LockstreamConfig(or(region, c.region()), or(account, c.account()), or(dataDir, c.dataDir()),
                new LockstreamConfig.Http(or(bind, c.http().bind()), or(port, c.http().port()), c.http().advertisedHost()),
                new LockstreamConfig.Kafka(or(bootstrapServers, k.bootstrapServers()), k.embeddedPort(), k.partitions(),
                        k.replicationFactor(), k.client()),
                c.rootKeyFile(), c.principals(), c.encryptor(), c.query(), or(kmsEndpoint, c.kmsEndpoint()),
                or(services, c.services()));
        long t0 = System.nanoTime();
        Lockstream ls = Lockstream.start(c, System.getenv("LOCKSTREAM_ROOT_KEY"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ls.close();
            stopped.countDown();
        }, "shutdown"));
        LockstreamConfig.PrincipalConfig demo = c.principals().get(0);
        System.out.printf("Lockstream ready in %.1f s: endpoint %s region %s account %s kafka %s "
                        + "services %s credentials %s/%s%n", (System.nanoTime() - t0) / 1e9, ls.endpoint(c.http().bind()),
                c.region(), c.account(), ls.bootstrapServers(), String.join(",", c.services()), demo.accessKeyId(),
                "test".equals(demo.secretAccessKey()) ? "test" : "(configured)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
