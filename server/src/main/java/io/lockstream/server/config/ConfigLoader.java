package io.lockstream.server.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the YAML configuration strictly: unknown keys and duplicate keys are errors. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();

    private ConfigLoader() {
    }

    public static LockstreamConfig load(Path file) throws IOException {
        try {
            return YAML.readValue(file.toFile(), LockstreamConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid configuration " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    public static LockstreamConfig parse(String yaml) {
        try {
            return YAML.readValue(yaml, LockstreamConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
    }
}
