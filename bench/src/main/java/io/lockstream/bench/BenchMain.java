package io.lockstream.bench;

import java.util.Arrays;

/**
 * {@code java -jar lockstream-bench.jar [options]}: the end-to-end harness ({@link Harness});
 * {@code java -jar lockstream-bench.jar jmh [JMH options]}: the JMH micro-benchmarks of this jar.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        new Harness(Harness.Options.parse(args)).run();
        System.exit(0);
    }
}
