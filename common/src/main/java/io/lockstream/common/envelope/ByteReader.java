package io.lockstream.common.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Bounds-checked big-endian reads; every violation is an {@link EnvelopeException}. */
final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    ByteReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new EnvelopeException();
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    byte[] array() {
        return buf;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new EnvelopeException();
        }
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int u16() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int i32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /**
     * Unsigned LEB128 of a non-negative int, in its one minimal encoding: at most 5 bytes, no trailing
     * zero group, no bits beyond bit 30. Anything else is an {@link EnvelopeException}, so a length or
     * count has exactly one byte form (the writer only ever produces that form).
     */
    int varint() {
        int v = 0;
        for (int i = 0; i < 5; i++) {
            int b = u8();
            if (i == 4 && (b & 0xF8) != 0) {
                throw new EnvelopeException();
            }
            v |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new EnvelopeException();
                }
                return v;
            }
        }
        throw new EnvelopeException();
    }

    /** Skips {@code n} bytes and returns the offset where they start. */
    int skip(int n) {
        need(n);
        int at = pos;
        pos += n;
        return at;
    }

    byte[] bytes(int n) {
        int at = skip(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, at, out, 0, n);
        return out;
    }

    byte[] bytes16() {
        return bytes(u16());
    }

    /** A 2-byte length and that many bytes of well-formed UTF-8; malformed UTF-8 is rejected, not replaced. */
    String str16() {
        int n = u16();
        int at = skip(n);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, at, n)).toString();
        } catch (CharacterCodingException e) {
            throw new EnvelopeException();
        }
    }

    void expectEnd() {
        if (pos != end) {
            throw new EnvelopeException();
        }
    }
}
