package io.lockstream.policy;

/**
 * ARN matching for {@code ArnEquals}/{@code ArnLike} (IAM-UG
 * {@code reference_policies_elements_condition_operators.md}, "Amazon Resource Name (ARN) condition
 * operators"): "Each of the six colon-delimited components of the ARN is checked separately and each
 * can include multi-character match wildcards (*) or single-character match wildcards (?)".
 * Matching is case-sensitive and a {@code *} never spans a colon, except that the sixth component
 * (the resource) is everything after the fifth colon, so it may itself contain colons.
 */
final class ArnPattern {

    private static final int COMPONENTS = 6;

    private ArnPattern() {
    }

    static boolean matches(String pattern, String arn) {
        String[] want = pattern.split(":", COMPONENTS);
        String[] have = arn.split(":", COMPONENTS);
        if (want.length != COMPONENTS || have.length != COMPONENTS) {
            return false;
        }
        for (int i = 0; i < COMPONENTS; i++) {
            if (!Wildcard.matches(want[i], have[i], false)) {
                return false;
            }
        }
        return true;
    }
}
