package io.lockstream.common.kms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte form of an encryption context, used as AES-GCM additional data: pairs sorted by key
 * (UTF-16 order, like the AWS Encryption SDK), each key and value written as a 2-byte big-endian length
 * and its UTF-8 bytes, after a 2-byte pair count. Pair order in the request does not matter; case does
 * (aws-wire.md §4.6).
 */
public final class EncryptionContext {
    /** The context key CloudWatch Logs binds: {@code aws:logs:arn}. */
    public static final String LOGS_ARN_KEY = "aws:logs:arn";
    /** Limit on the serialised context, as the AWS Encryption SDK imposes. */
    public static final int MAX_BYTES = 65535;

    private EncryptionContext() {
    }

    /** {@code {"aws:logs:arn": groupArn}}. */
    public static Map<String, String> forLogGroup(String groupArn) {
        return Map.of(LOGS_ARN_KEY, groupArn);
    }

    public static byte[] canonical(Map<String, String> context) {
        TreeMap<String, String> sorted = new TreeMap<>(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, sorted.size());
        sorted.forEach((k, v) -> {
            writeString(out, k);
            writeString(out, v);
        });
        if (out.size() > MAX_BYTES) {
            throw new IllegalArgumentException("encryption context too large");
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeShort(out, b.length);
        out.writeBytes(b);
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        if (v > 0xFFFF) {
            throw new IllegalArgumentException("encryption context entry too large");
        }
        out.write(v >>> 8);
        out.write(v);
    }
}
