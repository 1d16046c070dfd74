package io.lockstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import org.junit.jupiter.api.Test;

/** The PutLogEvents batch rules of aws-wire.md §2.3, one test each, on {@link PutLogEvents#check}. */
class PutLogEventsRulesTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private static ArrayNode events(long... timestamps) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (long t : timestamps) {
            a.addObject().put("timestamp", t).put("message", "m");
        }
        return a;
    }

    private static void invalid(JsonNode events, Integer retention, String message) {
        assertThatThrownBy(() -> PutLogEvents.check(events, NOW, retention))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void accepts_a_plain_batch() {
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW - 1000, NOW, NOW), NOW, null);
        assertThat(c.first()).isZero();
        assertThat(c.end()).isEqualTo(3);
        assertThat(c.tooNewStart()).isNull();
        assertThat(c.tooOldEnd()).isNull();
        assertThat(c.expiredEnd()).isNull();
    }

    @Test
    void batch_of_1_048_576_bytes_counting_26_per_event() {
        int perEvent = 1_048_576 / 4 - 26;
        ArrayNode ok = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 4; i++) {
            ok.addObject().put("timestamp", NOW).put("message", "x".repeat(perEvent));
        }
        assertThat(PutLogEvents.check(ok, NOW, null).end()).isEqualTo(4);
        ArrayNode tooBig = ok.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tooBig.get(3)).put("message", "x".repeat(perEvent + 1));
        invalid(tooBig, null, "Upload too large: 1048577 bytes exceeds limit of 1048576");
    }

    @Test
    void one_event_too_large() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.addObject().put("timestamp", NOW).put("message", "x".repeat(1_048_576 - 25));
        invalid(a, null, "Log event too large: 1048577 bytes exceeds limit of 1048576");
    }

    @Test
    void one_to_10000_events() {
        invalid(events(), null, "Member must have length greater than or equal to 1");
        long[] many = new long[10_001];
        java.util.Arrays.fill(many, NOW);
        invalid(events(many), null, "Member must have length less than or equal to 10000");
        assertThat(PutLogEvents.check(events(java.util.Arrays.copyOf(many, 10_000)), NOW, null).end())
                .isEqualTo(10_000);
    }

    @Test
    void chronological_order() {
        invalid(events(NOW, NOW - 1), null,
                "Log events in a single PutLogEvents request must be in chronological order.");
    }

    @Test
    void span_of_24_hours_over_kept_events() {
        invalid(events(NOW - DAY - 1, NOW), null,
                "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        assertThat(PutLogEvents.check(events(NOW - DAY, NOW), NOW, null).end()).isEqualTo(2);
        // A too-old first event does not count towards the span.
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW - 20 * DAY, NOW - HOUR, NOW), NOW, null);
        assertThat(c.first()).isEqualTo(1);
    }

    @Test
    void too_old_is_a_prefix_with_exclusive_end() {
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW - 15 * DAY, NOW - 15 * DAY, NOW - 13 * DAY), NOW, null);
        assertThat(c.tooOldEnd()).isEqualTo(2);
        assertThat(c.first()).isEqualTo(2);
        assertThat(c.expiredEnd()).isNull();
    }

    @Test
    void expired_by_retention_is_a_prefix_with_exclusive_end() {
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW - 2 * DAY, NOW - HOUR), NOW, 1);
        assertThat(c.expiredEnd()).isEqualTo(1);
        assertThat(c.tooOldEnd()).isNull();
        assertThat(c.first()).isEqualTo(1);
    }

    @Test
    void too_new_is_a_suffix_with_inclusive_start() {
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW, NOW + 2 * HOUR, NOW + 2 * HOUR + 1), NOW, null);
        assertThat(c.tooNewStart()).isEqualTo(2);
        assertThat(c.end()).isEqualTo(2);
    }

    @Test
    void all_rejected_stores_nothing() {
        PutLogEvents.Checked c = PutLogEvents.check(events(NOW - 30 * DAY), NOW, null);
        assertThat(c.end() - c.first()).isZero();
        assertThat(c.tooOldEnd()).isEqualTo(1);
    }

    @Test
    void event_members() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.addObject().put("message", "m");
        invalid(a, null, "Value null at 'logEvents.1.member.timestamp'");
        ArrayNode b = Json.MAPPER.createArrayNode();
        b.addObject().put("timestamp", -1).put("message", "m");
        invalid(b, null, "Member must have value greater than or equal to 0");
        ArrayNode c = Json.MAPPER.createArrayNode();
        c.addObject().put("timestamp", NOW);
        invalid(c, null, "Value null at 'logEvents.1.member.message'");
        ArrayNode d = Json.MAPPER.createArrayNode();
        d.addObject().put("timestamp", NOW).put("message", "");
        invalid(d, null, "Member must have length greater than or equal to 1");
    }

    @Test
    void unknown_event_members_are_ignored() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.addObject().put("timestamp", NOW).put("message", "m").put("future", true);
        assertThat(PutLogEvents.check(a, NOW, null).end()).isEqualTo(1);
    }
}
