package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import io.lockstream.kms.store.KmsAlias;
import io.lockstream.kms.store.KmsKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CreateAlias, UpdateAlias, DeleteAlias, ListAliases (aws-wire.md §4.2). Aliases are authorised on the key
 * they point to (the key policy is the only resource policy Lockstream has); ListAliases is account-level.
 */
public final class KeyAliases {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final String RESERVED = "alias/aws/";

    private final KmsCore core;

    KeyAliases(KmsCore core) {
        this.core = core;
    }

    public String arn(KmsAlias alias) {
        return Arns.alias(core.site.region(), core.site.account(), alias.aliasName());
    }

    /** CreateAlias: the target must be a key id or key ARN of a customer managed key not pending deletion. */
    public void createAlias(Principal caller, String aliasName, String targetKeyId) {
        validateName(aliasName);
        KmsKey key = target(caller, targetKeyId, "kms:CreateAlias");
        if (core.store.findAlias(aliasName).isPresent()) {
            throw new AwsException("AlreadyExistsException", "An alias with the name "
                    + Arns.alias(core.site.region(), core.site.account(), aliasName) + " already exists");
        }
        double now = core.now();
        core.store.putAlias(new KmsAlias(aliasName, key.keyId(), now, now));
    }

    /**
     * UpdateAlias: kms:UpdateAlias on the current and the new key; the new key must not be pending deletion
     * (key-state.md) and must have the same key type and usage (API reference, UpdateAlias).
     */
    public void updateAlias(Principal caller, String aliasName, String targetKeyId) {
        validateName(aliasName);
        KmsAlias alias = existing(aliasName);
        KmsKey current = core.store.find(alias.targetKeyId()).orElse(null);
        if (current != null) {
            core.authorizer.require(caller, "kms:UpdateAlias", current, Map.of());
        }
        KmsKey key = target(caller, targetKeyId, "kms:UpdateAlias");
        if (current != null && (!current.keyUsage().equals(key.keyUsage())
                || current.symmetricEncryption() != key.symmetricEncryption())) {
            throw AwsException.validation("Alias " + arn(alias) + " cannot be changed to a key with a different key "
                    + "type or key usage.");
        }
        core.store.putAlias(alias.retarget(key.keyId(), core.now()));
    }

    /** DeleteAlias: any key state. */
    public void deleteAlias(Principal caller, String aliasName) {
        validateName(aliasName);
        KmsAlias alias = existing(aliasName);
        core.store.find(alias.targetKeyId())
                .ifPresent(k -> core.authorizer.require(caller, "kms:DeleteAlias", k, Map.of()));
        core.store.deleteAlias(aliasName);
    }

    /** ListAliases: the account's aliases by name, optionally only those of one key (id or ARN). */
    public List<KmsAlias> listAliases(Principal caller, String keyId) {
        core.authorizer.requireAccountAction(caller, "kms:ListAliases");
        String filter = keyId == null ? null : core.resolver.resolveKey(keyId).keyId();
        return core.store.aliases().stream().filter(a -> filter == null || a.targetKeyId().equals(filter))
                .sorted(Comparator.comparing(KmsAlias::aliasName)).collect(Collectors.toList());
    }

    private KmsKey target(Principal caller, String targetKeyId, String action) {
        if (targetKeyId != null && (targetKeyId.startsWith("alias/") || targetKeyId.contains(":alias/"))) {
            throw AwsException.validation("Aliases must refer to keys. Not aliases");
        }
        KmsKey key = core.resolver.resolveKey(targetKeyId);
        core.authorizer.require(caller, action, key, Map.of());
        KmsService.requireCustomerManaged(key, action.substring(4));
        KeyStates.requireNotPendingDeletion(key);
        return key;
    }

    private KmsAlias existing(String aliasName) {
        return core.store.findAlias(aliasName).orElseThrow(() -> new AwsException("NotFoundException", "Alias "
                + Arns.alias(core.site.region(), core.site.account(), aliasName) + " is not found."));
    }

    /**
     * Alias name rules (aws-wire.md §4.2): 1–256 characters of {@code [a-zA-Z0-9:/_-]}, starting with
     * {@code alias/}, not {@code alias/aws/} (reserved for AWS managed keys).
     */
    static void validateName(String aliasName) {
        if (aliasName == null) {
            throw AwsException.validation("1 validation error detected: Value null at 'aliasName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (aliasName.isEmpty() || aliasName.length() > 256) {
            throw AwsException.validation("1 validation error detected: Value '" + aliasName + "' at 'aliasName' "
                    + "failed to satisfy constraint: Member must have length " + (aliasName.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 256"));
        }
        if (!NAME.matcher(aliasName).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + aliasName + "' at 'aliasName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "^[a-zA-Z0-9:/_-]+$");
        }
        if (!aliasName.startsWith("alias/")) {
            throw AwsException.validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.equals("alias/")) {
            throw new AwsException("InvalidAliasNameException", "Alias name must not be empty after \"alias/\".");
        }
        if (aliasName.startsWith(RESERVED)) {
            throw new AwsException("InvalidAliasNameException",
                    "Alias names that begin with \"alias/aws/\" are reserved for AWS managed keys.");
        }
    }
}
