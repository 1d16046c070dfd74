package io.lockstream.server.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS CLI against the shared Lockstream. The CLI is found by version, not by PATH order:
 * a bare {@code aws} here is CLI v1 (pyenv), Debian's {@code awscli} package installs v2 as
 * {@code /usr/bin/aws} (platform.md §4); {@code .ci/run} installs it.
 */
final class AwsCli {
    /** What a CLI run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private AwsCli() {
    }

    /** The AWS CLI v2 binary; the test is skipped (with the reason) if none is installed. */
    static String v2() {
        for (String candidate : List.of("/usr/bin/aws", "/usr/local/bin/aws")) {
            if (Files.isExecutable(Path.of(candidate)) && version(candidate).startsWith("aws-cli/2.")) {
                return candidate;
            }
        }
        assumeTrue(false, "AWS CLI v2 not installed (apt-get install -y awscli); .ci/run installs it");
        return null;
    }

    /** Every CLI on PATH whose version starts with {@code prefix} (for example "aws-cli/1."), or null. */
    static String onPath(String prefix) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "aws");
            if (Files.isExecutable(p) && version(p.toString()).startsWith(prefix)) {
                return p.toString();
            }
        }
        return null;
    }

    static String version(String binary) {
        try {
            Result r = exec(binary, List.of("--version"), null);
            return (r.stdout() + r.stderr()).trim();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** {@code aws --endpoint-url <lockstream> args...} with the demo credentials and nothing from ~/.aws. */
    static Result run(String binary, Path workDir, String... args) {
        List<String> all = new ArrayList<>();
        all.add("--endpoint-url");
        all.add(TestLockstream.endpoint().toString());
        all.addAll(List.of(args));
        return exec(binary, all, workDir);
    }

    private static Result exec(String binary, List<String> args, Path workDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-west-2");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        try {
            Path out = Files.createTempFile("aws-out", ".txt");
            Path err = Files.createTempFile("aws-err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("aws " + args + " did not finish in 60 s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
