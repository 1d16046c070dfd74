package io.lockstream.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The core package stays a pure library: no JSON or HTTP types. */
class CorePackageHasNoJacksonTest {

    private static final Path CORE = Path.of("src/main/java/io/lockstream/policy");

    @Test
    void coreSources_importNoJacksonOrHttp() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertThat(sources).as("core sources found under %s", CORE.toAbsolutePath()).hasSizeGreaterThan(10);
        for (Path source : sources) {
            List<String> offending = Files.readAllLines(source).stream()
                    .map(String::trim)
                    .filter(l -> l.startsWith("import"))
                    .filter(l -> l.contains("com.fasterxml") || l.contains("java.net.http") || l.contains("javax.servlet"))
                    .collect(Collectors.toList());
            assertThat(offending).as("forbidden imports in %s", source.getFileName()).isEmpty();
        }
    }
}
