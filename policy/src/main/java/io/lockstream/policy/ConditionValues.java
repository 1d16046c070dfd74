package io.lockstream.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Typed parsing of condition values. Dates: "one of the supported W3C implementations of the ISO
 * 8601 date formats ... or epoch (UNIX) time" (IAM-UG
 * {@code reference_policies_elements_condition_operators.md}, "Date condition operators"); a date
 * without a zone is UTC. A value that does not parse never satisfies a positive comparison.
 */
final class ConditionValues {

    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}(?:\\.\\d{1,9})?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,64}(?:\\.\\d{0,64})?|\\.\\d{1,64})(?:[eE][+-]?\\d{1,4})?");

    private ConditionValues() {
    }

    static BigDecimal number(String value) {
        String v = value.trim();
        if (!NUMBER.matcher(v).matches()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant instant(String value) {
        String v = value.trim();
        if (EPOCH.matcher(v).matches()) {
            BigDecimal seconds = new BigDecimal(v);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        try {
            return switch (v.length()) {
                case 4 -> Year.parse(v).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 7 -> YearMonth.parse(v).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 10 -> LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> OffsetDateTime.parse(v).toInstant();
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean compareNumbers(String request, String policy, IntPredicate test) {
        BigDecimal r = number(request);
        BigDecimal p = number(policy);
        return r != null && p != null && test.test(r.compareTo(p));
    }

    static boolean compareDates(String request, String policy, IntPredicate test) {
        Instant r = instant(request);
        Instant p = instant(policy);
        return r != null && p != null && test.test(r.compareTo(p));
    }

    static boolean sameBytes(String request, String policy) {
        byte[] r = base64(request);
        byte[] p = base64(policy);
        return r != null && p != null && Arrays.equals(r, p);
    }
}
