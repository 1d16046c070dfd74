package io.lockstream.common.envelope;

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

    int varint() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
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

    String str16() {
        int n = u16();
        int at = skip(n);
        return new String(buf, at, n, StandardCharsets.UTF_8);
    }

    void expectEnd() {
        if (pos != end) {
            throw new EnvelopeException();
        }
    }
}
