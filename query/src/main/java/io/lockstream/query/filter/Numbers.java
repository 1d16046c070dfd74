package io.lockstream.query.filter;

import java.math.BigDecimal;

/** Decimal parsing for pattern literals and message values, without exceptions on the hot path. */
final class Numbers {
    private Numbers() {
    }

    /**
     * Parses {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, or returns {@code null} when
     * {@code s} is not such a number. Scientific notation and an explicit sign are accepted as the AWS doc shows
     * ({@code 1e-3}, {@code +1000}).
     */
    static BigDecimal parse(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) { // exponent out of range
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
