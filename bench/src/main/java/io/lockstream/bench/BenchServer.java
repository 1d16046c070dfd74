package io.lockstream.bench;

import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.server.Lockstream;
import io.lockstream.server.config.LockstreamConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Lockstream server process for the harness: {@code encrypted} (exactly what {@code Lockstream.start}
 * runs) or {@code insecure} (the bench-only unencrypted pipeline). Each runs in its own JVM so that the
 * two pipelines and the load generator do not share a heap, and so that its RSS is the server's alone.
 * Protocol on stdout/stdin: prints {@code READY <endpoint> <bootstrap> <pid>}; answers {@code calls} with
 * {@code CALLS <n>} (key-service calls so far); exits on {@code stop} or end of input.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        int partitions = Integer.parseInt(args[2]);
        LockstreamConfig config = new LockstreamConfig(Harness.REGION, Harness.ACCOUNT, dir.toString(),
                new LockstreamConfig.Http("127.0.0.1", 0, null),
                new LockstreamConfig.Kafka(null, 0, partitions, (short) 1, null), null, null, null, null, null, null);
        Lockstream ls = switch (mode) {
            case "encrypted" -> Lockstream.start(config, null);
            case "insecure" -> Lockstream.startInsecureBenchOnly(config, null,
                    InsecureBenchOnly.plaintextAtRestForBenchmarks());
            default -> throw new IllegalArgumentException("mode: encrypted | insecure");
        };
        System.out.println("READY " + ls.endpoint("127.0.0.1") + " " + ls.bootstrapServers() + " "
                + ProcessHandle.current().pid());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                if (line.equals("calls")) {
                    System.out.println("CALLS " + ls.keyServiceCalls());
                    System.out.flush();
                }
            }
        } finally {
            ls.close();
            deleteTree(dir); // the harness's temp data dir (broker log, state stores): gigabytes after a run
        }
        System.exit(0);
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
