package io.lockstream.common.logs;

import io.lockstream.common.aws.Json;

/**
 * A log stream as stored in the compacted {@code logs.streams} topic, keyed by {@link #key(String, String)}.
 *
 * @param group log group name
 * @param name log stream name
 * @param creationTime epoch milliseconds
 */
public record LogStream(String group, String name, long creationTime) {

    /** {@code group:stream}; unambiguous because group names cannot contain ':' (aws-wire.md §2.1). */
    public static String key(String group, String stream) {
        return group + ":" + stream;
    }

    public byte[] toBytes() {
        return Json.bytes(this);
    }

    public static LogStream fromBytes(byte[] b) {
        return Json.read(b, LogStream.class);
    }
}
