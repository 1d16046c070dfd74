package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsKey;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** TagResource, UntagResource, ListResourceTags and the tag rules CreateKey shares (aws-wire.md §4.2). */
public final class KeyTags {
    /** Tags per key (KMS quota). */
    static final int MAX_TAGS = 50;

    private final KmsCore core;

    KeyTags(KmsCore core) {
        this.core = core;
    }

    /** TagResource: adds or overwrites tags; not while pending deletion (key-state.md). */
    public void tagResource(Principal caller, String keyId, List<Map.Entry<String, String>> tags) {
        validate(tags);
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:TagResource", key, Map.of());
        KmsService.requireCustomerManaged(key, "TagResource");
        KeyStates.requireNotPendingDeletion(key);
        Map<String, String> merged = new LinkedHashMap<>(key.tags());
        tags.forEach(t -> merged.put(t.getKey(), t.getValue()));
        if (merged.size() > MAX_TAGS) {
            throw new AwsException("TagException", "Too many tags");
        }
        core.store.put(key.withTags(merged));
    }

    /** UntagResource: removing an absent tag is not an error. */
    public void untagResource(Principal caller, String keyId, List<String> tagKeys) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:UntagResource", key, Map.of());
        KmsService.requireCustomerManaged(key, "UntagResource");
        KeyStates.requireNotPendingDeletion(key);
        Map<String, String> left = new LinkedHashMap<>(key.tags());
        tagKeys.forEach(left::remove);
        core.store.put(key.withTags(left));
    }

    /** ListResourceTags: sorted by tag key (paging in the API layer). */
    public Map<String, String> listResourceTags(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:ListResourceTags", key, Map.of());
        return new TreeMap<>(key.tags());
    }

    /**
     * Tag rules seen from AWS (LS snapshots, aws-wire.md §4.2): key 1–128 and value 0–256 characters
     * (ValidationException at {@code tags.N.member.tagKey}); TagException "Duplicate tag keys",
     * "Too many tags" (more than 50), "Tags beginning with aws: are reserved".
     */
    public static void validate(List<Map.Entry<String, String>> tags) {
        Set<String> seen = new HashSet<>();
        int i = 1;
        for (Map.Entry<String, String> t : tags) {
            String k = t.getKey();
            String v = t.getValue();
            if (k.isEmpty() || k.length() > 128) {
                throw AwsException.validation("1 validation error detected: Value '" + k + "' at 'tags." + i
                        + ".member.tagKey' failed to satisfy constraint: Member must have length "
                        + (k.isEmpty() ? "greater than or equal to 1" : "less than or equal to 128"));
            }
            if (v.length() > 256) {
                throw AwsException.validation("1 validation error detected: Value '" + v + "' at 'tags." + i
                        + ".member.tagValue' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 256");
            }
            if (k.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw new AwsException("TagException", "Tags beginning with aws: are reserved");
            }
            if (!seen.add(k)) {
                throw new AwsException("TagException", "Duplicate tag keys");
            }
            i++;
        }
        if (tags.size() > MAX_TAGS) {
            throw new AwsException("TagException", "Too many tags");
        }
    }
}
