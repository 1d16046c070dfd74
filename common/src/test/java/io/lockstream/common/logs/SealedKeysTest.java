package io.lockstream.common.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class SealedKeysTest {

    @Test
    void batch_keys_round_trip_and_name_their_group() {
        String key = SealedKeys.batch("/aws/app.1#x", "stream with/slashes", -5L, 3, 42L);
        assertThat(SealedKeys.parseBatch(key))
                .isEqualTo(new SealedKeys.BatchKey("/aws/app.1#x", "stream with/slashes", -5L, 3, 42L));
        assertThat(SealedKeys.groupOf(key)).isEqualTo("/aws/app.1#x");
    }

    @Test
    void a_group_deletion_marker_is_the_bare_group_name() {
        assertThat(SealedKeys.parseBatch("my-group")).isNull();
        assertThat(SealedKeys.groupOf("my-group")).isEqualTo("my-group");
    }

    @Test
    void every_record_of_a_group_lands_where_the_default_partitioner_puts_the_group_name() {
        for (String group : new String[] {"a", "my-group", "/aws/lambda/f", "x".repeat(512)}) {
            int expected = BuiltInPartitioner.partitionForKey(group.getBytes(StandardCharsets.UTF_8), 6);
            assertThat(SealedKeys.partition(group, 6)).isEqualTo(expected);
            assertThat(SealedKeys.partition(SealedKeys.batch(group, "s", 1, 0, 9), 6)).isEqualTo(expected);
        }
    }
}
