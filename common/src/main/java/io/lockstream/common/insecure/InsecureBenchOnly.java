package io.lockstream.common.insecure;

/**
 * INSECURE, BENCHMARKS ONLY: the capability that switches the at-rest encryption of the pipeline off, so
 * that the bench module can measure what encryption costs. When a service is handed this token, the
 * encryptor forwards each transit-opened batch in the clear in an {@code InsecurePlaintextBenchEnvelope}
 * and the query service accepts and serves such records; without it (the default, and the only thing the
 * production launcher can produce), the encryptor always seals and the query service refuses plaintext.
 *
 * <p>Nothing in the configuration (YAML) or the command line of the launcher can create this token: it is
 * not part of {@code LockstreamConfig}, and only code that calls {@link #plaintextAtRestForBenchmarks()}
 * explicitly (the bench harness) ever holds one. {@code InsecureBenchOnlyGuardTest} in the server module
 * proves the launcher's classes do not reference it. Every identifier that weakens a guarantee is named
 * {@code Insecure...} so that {@code grep -r Insecure} finds all of them.
 */
public final class InsecureBenchOnly {
    private InsecureBenchOnly() {
    }

    /**
     * INSECURE: the token that stores log events unencrypted. For the bench harness only; never for data
     * anyone cares about.
     */
    public static InsecureBenchOnly plaintextAtRestForBenchmarks() {
        return new InsecureBenchOnly();
    }

    @Override
    public String toString() {
        return "InsecureBenchOnly[plaintext at rest]";
    }
}
