package io.lockstream.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchServer} child process, started from this very jar. */
final class ChildServer implements AutoCloseable {
    final String endpoint;
    final String bootstrap;
    final int pid;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;

    ChildServer(String mode, int partitions, List<String> jvmOpts, Path log) throws IOException {
        String jar = new File(BenchServer.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOpts);
        cmd.addAll(List.of("-cp", jar, BenchServer.class.getName(), mode,
                Files.createTempDirectory("lockstream-bench-" + mode + "-").toString(), String.valueOf(partitions)));
        process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // skip
        }
        if (line == null) {
            throw new IOException(mode + " server exited before it was ready; see " + log);
        }
        String[] p = line.split(" ");
        endpoint = p[1];
        bootstrap = p[2];
        pid = Integer.parseInt(p[3]);
    }

    /** Key-service calls the server's pipeline made so far. */
    synchronized long keyServiceCalls() throws IOException {
        in.println("calls");
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("CALLS ")) {
            // skip
        }
        if (line == null) {
            throw new IOException("server gone");
        }
        return Long.parseLong(line.substring(6).trim());
    }

    @Override
    public void close() {
        in.println("stop");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
