package io.lockstream.policy;

/**
 * Glob matching with {@code *} (any run of characters, possibly empty) and {@code ?} (exactly one
 * character), as used by IAM for actions, resources and {@code StringLike}
 * (IAM-UG {@code reference_policies_elements_condition_operators.md}, "String condition operators").
 *
 * <p>Iterative greedy matching with a single backtrack point: O(pattern × text) in the worst case,
 * no regular expressions, so hostile patterns cannot cause catastrophic backtracking.
 */
final class Wildcard {

    private Wildcard() {
    }

    static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && Character.toLowerCase(Character.toUpperCase(a)) == Character.toLowerCase(Character.toUpperCase(b));
    }
}
