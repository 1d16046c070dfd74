package io.lockstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void empty_configuration_gives_the_documented_defaults() {
        LockstreamConfig c = ConfigLoader.parse("{}");
        assertThat(c.region()).isEqualTo("us-west-2");
        assertThat(c.account()).isEqualTo("123456789012");
        assertThat(c.http().bind()).isEqualTo("127.0.0.1");
        assertThat(c.http().port()).isEqualTo(4566);
        assertThat(c.kafka().bootstrapServers()).isNull();
        assertThat(c.kafka().partitions()).isEqualTo(4);
        assertThat(c.principals()).extracting(LockstreamConfig.PrincipalConfig::accessKeyId).containsExactly("test");
        assertThat(c.encryptor().dataKeyMaxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(c.services()).containsExactly("kms", "ingest", "encryptor", "query");
    }

    @Test
    void values_are_read_into_records() {
        LockstreamConfig c = ConfigLoader.parse("region: eu-west-1\naccount: \"111122223333\"\nhttp:\n  port: 9000\n"
                + "encryptor:\n  dataKeyMaxAge: PT10M\nservices: [encryptor]\n");
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.http().port()).isEqualTo(9000);
        assertThat(c.http().bind()).isEqualTo("127.0.0.1");
        assertThat(c.encryptor().dataKeyMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.runs("encryptor")).isTrue();
        assertThat(c.runs("kms")).isFalse();
    }

    @Test
    void unknown_keys_are_errors() {
        assertThatThrownBy(() -> ConfigLoader.parse("regoin: us-west-2\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regoin");
    }

    @Test
    void duplicate_keys_are_errors() {
        assertThatThrownBy(() -> ConfigLoader.parse("region: us-west-2\nregion: eu-west-1\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknown_services_are_errors() {
        assertThatThrownBy(() -> ConfigLoader.parse("services: [kms, cache]\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache");
    }

    @Test
    void principals_need_keys_and_an_arn() {
        assertThatThrownBy(() -> ConfigLoader.parse("principals:\n  - accessKeyId: a\n    arn: x\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
