package io.lockstream.common.envelope;

import static io.lockstream.common.envelope.EnvelopeFixtures.GROUP_ARN;
import static io.lockstream.common.envelope.EnvelopeFixtures.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.kms.EncryptionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical encryption context: part of every event's and every transit batch's additional data. */
class EncryptionContextTest {

    /** u16 count 1, u16 12 "aws:logs:arn", u16 54 group ARN. Frozen: it is inside every v1 AAD. */
    static final String GOLDEN_GROUP_CONTEXT_HEX = "0001000c6177733a6c6f67733a61726e0036"
            + "61726e3a6177733a6c6f67733a75732d656173742d313a3132333435363738393031323a6c6f672d67726f75703a2f617070"
            + "2f776562";

    @Test
    void logGroupContextGoldenBytes() {
        assertThat(HEX.formatHex(EncryptionContext.canonical(EncryptionContext.forLogGroup(GROUP_ARN))))
                .isEqualTo(GOLDEN_GROUP_CONTEXT_HEX);
    }

    @Test
    void orderInsensitive() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("b", "2");
        ab.put("a", "1");
        ab.put("c", "3");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("c", "3");
        ba.put("a", "1");
        ba.put("b", "2");
        assertThat(EncryptionContext.canonical(ab)).isEqualTo(EncryptionContext.canonical(ba));
        assertThat(HEX.formatHex(EncryptionContext.canonical(ab))).isEqualTo("0003" + "0001610001" + "31"
                + "0001620001" + "32" + "0001630001" + "33");
    }

    @Test
    void caseSensitiveInKeysAndValues() {
        byte[] lower = EncryptionContext.canonical(Map.of("aws:logs:arn", GROUP_ARN));
        assertThat(EncryptionContext.canonical(Map.of("AWS:logs:arn", GROUP_ARN))).isNotEqualTo(lower);
        assertThat(EncryptionContext.canonical(Map.of("aws:logs:arn", GROUP_ARN.toUpperCase()))).isNotEqualTo(lower);
        // upper-case sorts before lower-case (code-unit order)
        assertThat(HEX.formatHex(EncryptionContext.canonical(Map.of("a", "x", "B", "y"))))
                .isEqualTo("0002" + "0001420001" + "79" + "0001610001" + "78");
    }

    /**
     * Keys sort by UTF-16 code unit ({@link String#compareTo}), not by UTF-8 bytes: U+1F600 (surrogates D83D..)
     * sorts before U+FF61, although its UTF-8 form (F0..) is greater than U+FF61's (EF..). Frozen as is.
     */
    @Test
    void sortIsUtf16CodeUnitOrder() {
        assertThat(HEX.formatHex(EncryptionContext.canonical(Map.of("\uff61", "a", "\uD83D\uDE00", "b"))))
                .isEqualTo("00020004f09f98800001620003efbda1000161");
    }

    @Test
    void emptyAndOversizedContexts() {
        assertThat(HEX.formatHex(EncryptionContext.canonical(Map.of()))).isEqualTo("0000");
        assertThatThrownBy(() -> EncryptionContext.canonical(Map.of("k", "v".repeat(70_000))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthPrefixesMakeTheEncodingUnambiguous() {
        assertThat(EncryptionContext.canonical(Map.of("ab", "c")))
                .isNotEqualTo(EncryptionContext.canonical(Map.of("a", "bc")));
    }
}
