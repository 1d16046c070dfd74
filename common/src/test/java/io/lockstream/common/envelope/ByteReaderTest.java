package io.lockstream.common.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ByteReaderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static int varint(String hex) {
        ByteReader r = new ByteReader(HEX.parseHex(hex));
        int v = r.varint();
        r.expectEnd();
        return v;
    }

    @Test
    void varintRoundTripsAtEveryWidth() {
        for (int v : new int[] {0, 1, 127, 128, 16383, 16384, 2_097_151, 2_097_152, 268_435_455, 268_435_456,
                Integer.MAX_VALUE}) {
            byte[] b = new ByteWriter(5).varint(v).toByteArray();
            ByteReader r = new ByteReader(b);
            assertThat(r.varint()).isEqualTo(v);
            r.expectEnd();
        }
        assertThat(varint("00")).isZero();
        assertThat(varint("ffffffff07")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void varintRejectsNonMinimalEncodings() {
        assertThatThrownBy(() -> varint("8000")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("958000")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("8080808000")).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void varintRejectsBitsBeyondThirtyOneAndOverlongInput() {
        // Before the fix, the 5th byte's bits 4..6 were shifted out of the int and silently dropped: 80 80 80 80 10
        // decoded to 0, a second byte form of the value 0.
        assertThatThrownBy(() -> varint("8080808010")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("ffffffff08")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("ffffffff0f")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("808080808001")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("80")).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> varint("")).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void str16AcceptsWellFormedUtf8AndRejectsMalformed() {
        assertThat(new ByteReader(HEX.parseHex("0004e282ac41")).str16()).isEqualTo("\u20acA");
        assertThat(new ByteReader(HEX.parseHex("0000")).str16()).isEmpty();
        // lone continuation byte, truncated sequence, overlong '/', UTF-8-encoded surrogate
        for (String bad : new String[] {"000180", "0002e282", "0002c0af", "0003eda080"}) {
            assertThatThrownBy(() -> new ByteReader(HEX.parseHex(bad)).str16()).isInstanceOf(EnvelopeException.class);
        }
    }

    @Test
    void lengthsBeyondTheBufferAreRejected() {
        assertThatThrownBy(() -> new ByteReader(HEX.parseHex("0005414243")).str16())
                .isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> new ByteReader(HEX.parseHex("ffff")).bytes16()).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> new ByteReader(HEX.parseHex("01")).u16()).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> new ByteReader(new byte[3]).skip(-1)).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> new ByteReader(new byte[3], 2, 2)).isInstanceOf(EnvelopeException.class);
    }
}
