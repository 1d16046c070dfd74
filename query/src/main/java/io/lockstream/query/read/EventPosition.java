package io.lockstream.query.read;

import java.util.Comparator;

/**
 * Where an event sits in a stream's order: by timestamp, then by where its batch was accepted (source
 * partition and offset of {@code logs.events}) and its index in the batch. Unique and stable, so it is
 * also the event's id.
 */
record EventPosition(long timestamp, int partition, long offset, int index) implements Comparable<EventPosition> {
    private static final Comparator<EventPosition> ORDER = Comparator.comparingLong(EventPosition::timestamp)
            .thenComparingInt(EventPosition::partition).thenComparingLong(EventPosition::offset)
            .thenComparingInt(EventPosition::index);

    @Override
    public int compareTo(EventPosition o) {
        return ORDER.compare(this, o);
    }

    /** 56 digits, like CloudWatch Logs' event ids: timestamp(20) partition(6) offset(20) index(10). */
    String digits() {
        return String.format("%020d%06d%020d%010d", timestamp, partition, offset, index);
    }

    /** Parses {@link #digits()}; null if malformed. */
    static EventPosition parse(String digits) {
        if (digits.length() != 56 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return new EventPosition(Long.parseLong(digits.substring(0, 20)), Integer.parseInt(digits.substring(20, 26)),
                    Long.parseLong(digits.substring(26, 46)), Integer.parseInt(digits.substring(46, 56)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
