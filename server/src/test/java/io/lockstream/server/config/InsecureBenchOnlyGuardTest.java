package io.lockstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.insecure.InsecureBenchOnly;
import io.lockstream.server.Lockstream;
import io.lockstream.server.Main;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bench-only "encryption off" switch cannot be reached from the production launcher: no configuration
 * key (YAML) or record component carries it, the YAML parser rejects any attempt, and the launcher's
 * classes do not even reference it. (That the default encryptor always seals is
 * {@code InsecureBenchOnlyEncryptorTest}.)
 */
class InsecureBenchOnlyGuardTest {

    @Test
    void no_configuration_record_carries_an_insecure_switch() {
        List<String> seen = new ArrayList<>();
        walk(LockstreamConfig.class, "", seen, new HashSet<>());
        assertThat(seen).isNotEmpty();
        assertThat(seen).noneMatch(path -> path.toLowerCase(Locale.ROOT).contains("insecure")
                || path.toLowerCase(Locale.ROOT).contains("plaintext")
                || path.toLowerCase(Locale.ROOT).contains("encrypt") && !path.startsWith("encryptor"));
    }

    private static void walk(Class<?> type, String prefix, List<String> out, Set<Class<?>> visited) {
        if (!visited.add(type)) {
            return;
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            String path = prefix + rc.getName();
            out.add(path + ":" + rc.getType().getName());
            assertThat(rc.getType()).isNotEqualTo(InsecureBenchOnly.class);
            if (rc.getType().isRecord()) {
                walk(rc.getType(), path + ".", out, visited);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insecureBenchOnly: true\n",
        "insecure: true\n",
        "encryption: false\n",
        "encryptor:\n  insecureBenchOnly: true\n",
        "encryptor:\n  insecurePlaintextBenchOnly: true\n",
        "query:\n  insecurePlaintextBenchOnly: true\n",
        "kafka:\n  insecureBenchOnly: true\n",
    })
    void yaml_cannot_switch_encryption_off(String yaml) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void default_and_yaml_configurations_parse_to_the_same_secure_records() {
        assertThat(ConfigLoader.parse("region: us-west-2\n")).isEqualTo(new LockstreamConfig("us-west-2", null, null,
                null, null, null, null, null, null, null, null));
    }

    @Test
    void launcher_classes_never_reference_the_insecure_switch() throws IOException {
        for (Class<?> c : List.of(Main.class, ConfigLoader.class, LockstreamConfig.class, LockstreamConfig.Http.class,
                LockstreamConfig.Kafka.class, LockstreamConfig.Encryptor.class, LockstreamConfig.Query.class,
                LockstreamConfig.PrincipalConfig.class)) {
            assertThat(constantPool(c)).as(c.getName()).doesNotContain("Insecure").doesNotContain("insecure");
        }
    }

    @Test
    void the_only_public_way_in_is_the_explicitly_named_method() {
        List<String> takingToken = Arrays.stream(Lockstream.class.getMethods())
                .filter(m -> Arrays.asList(m.getParameterTypes()).contains(InsecureBenchOnly.class))
                .map(Method::getName).toList();
        assertThat(takingToken).containsExactly("startInsecureBenchOnly");
    }

    /** The class file: its constant pool holds every class, method and string it refers to, in UTF-8. */
    private static String constantPool(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
