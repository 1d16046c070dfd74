package io.lockstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration reference names every key the code reads, so docs and code cannot drift apart. */
class ConfigurationDocTest {

    @Test
    void every_configuration_key_is_documented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (String key : keys(LockstreamConfig.class, "")) {
            assertThat(doc).as("docs/configuration.md documents `%s`", key).contains("`" + key + "`");
        }
    }

    @Test
    void the_shipped_example_configuration_parses() throws IOException {
        LockstreamConfig c = ConfigLoader.load(Path.of("..", "deploy", "lockstream.yml"));
        assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(c.principals()).hasSize(2);
    }

    private static List<String> keys(Class<?> record, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            String key = prefix + rc.getName();
            Class<?> type = rc.getType();
            if (type.isRecord()) {
                out.addAll(keys(type, key + "."));
            } else if (rc.getName().equals("principals")) {
                out.add(key);
                out.addAll(keys(LockstreamConfig.PrincipalConfig.class, key + "[]."));
            } else {
                out.add(key);
            }
        }
        return out;
    }
}
