package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.kms.authz.KeyAuthorizer;
import io.lockstream.kms.crypto.Asymmetric;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KeyStore;
import io.lockstream.kms.store.KmsKey;
import io.lockstream.policy.DefaultKeyPolicy;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The key service: keys, key states and key policies, each call authorised for the calling principal as
 * AWS KMS does. The other concerns live in their own classes, reached from here: {@link #crypto()}
 * (Encrypt, Decrypt, ReEncrypt, data keys, Sign/Verify, MACs), {@link #aliases()}, {@link #tags()},
 * {@link #rotation()} and {@link #deletions()} (scheduled deletion and rotation). Both the TrentService
 * HTTP API and the in-process key-service seam call this class.
 */
public final class KmsService {
    /** Name of the only key policy a key has. */
    public static final String POLICY_NAME = "default";

    private final KmsCore core;
    private final KeyCrypto crypto;
    private final KeyAliases aliases;
    private final KeyTags tags;
    private final KeyRotation rotation;
    private final KeyDeletions deletions;

    /**
     * @throws IllegalStateException if {@code rootKey} does not open the material already in the store (a wrong
     *     root key): the service fails closed at start rather than on the first request
     */
    public KmsService(Site site, KeyStore store, RootKey rootKey, KeyAuthorizer authorizer, Clock clock) {
        this.core = new KmsCore(site, store, rootKey, authorizer, clock);
        checkRootKey(store, rootKey);
        this.crypto = new KeyCrypto(core);
        this.aliases = new KeyAliases(core);
        this.tags = new KeyTags(core);
        this.rotation = new KeyRotation(core);
        this.deletions = new KeyDeletions(core, rotation);
    }

    private static void checkRootKey(KeyStore store, RootKey rootKey) {
        store.all().stream().filter(k -> !k.materials().isEmpty()).findFirst().ifPresent(k -> {
            KmsKey.Material m = k.materials().get(0);
            try {
                rootKey.unwrap(k.keyId(), m.version(), m.wrapped());
            } catch (IllegalStateException e) {
                throw new IllegalStateException("The root key does not open the key material in kms.keys (key "
                        + k.keyId() + "): wrong root key? Refusing to start the KMS.");
            }
        });
    }

    public Site site() {
        return core.site;
    }

    public KeyCrypto crypto() {
        return crypto;
    }

    public KeyAliases aliases() {
        return aliases;
    }

    public KeyTags tags() {
        return tags;
    }

    public KeyRotation rotation() {
        return rotation;
    }

    public KeyDeletions deletions() {
        return deletions;
    }

    /**
     * CreateKey parameters.
     *
     * @param keyUsage requested usage, or null (symmetric keys default to ENCRYPT_DECRYPT)
     * @param keySpec SYMMETRIC_DEFAULT, RSA_*, ECC_NIST_*, HMAC_*
     * @param policy key policy, or null for the default policy
     */
    public record NewKey(String description, String keyUsage, String keySpec, String policy, Map<String, String> tags,
                         boolean bypassPolicyLockoutSafetyCheck) {
    }

    public KmsKey createKey(Principal caller, NewKey spec) {
        core.authorizer.requireAccountAction(caller, "kms:CreateKey");
        String keySpec = Objects.requireNonNullElse(spec.keySpec(), "SYMMETRIC_DEFAULT");
        String usage = KeySpecs.usageFor(keySpec, spec.keyUsage());
        KeyTags.validate(spec.tags() == null ? List.of() : List.copyOf(spec.tags().entrySet()));
        String keyId = UUID.randomUUID().toString();
        KmsKey.Material material;
        byte[] publicKey = null;
        if (keySpec.startsWith("RSA_") || keySpec.startsWith("ECC_")) {
            byte[][] pair = Asymmetric.generate(keySpec);
            material = core.wrap(keyId, 1, pair[0]);
            publicKey = pair[1];
        } else {
            material = core.wrap(keyId, 1, KmsCore.random(KeySpecs.secretBytes(keySpec)));
        }
        KmsKey draft = new KmsKey(keyId, core.site.account(), core.site.region(), core.now(),
                Objects.requireNonNullElse(spec.description(), ""), usage, keySpec, KmsKey.ENABLED, null, "CUSTOMER",
                spec.policy() == null ? defaultPolicy() : spec.policy(), spec.tags(), List.of(material), publicKey,
                null);
        if (spec.policy() != null) {
            core.authorizer.validatePolicy(spec.policy(), caller, draft, spec.bypassPolicyLockoutSafetyCheck());
        }
        core.store.put(draft);
        return draft;
    }

    /**
     * The service's default key for log groups without a customer managed key: managed by the service
     * (KeyManager AWS), its material derived from the root key, so every instance creates the same key.
     */
    public KmsKey ensureLogsDefaultKey() {
        String keyId = ServiceKeys.logsDefaultKeyId(core.site);
        Optional<KmsKey> existing = core.store.find(keyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] material = core.rootKey.derive("logs-default-key/" + keyId);
        KmsKey key = new KmsKey(keyId, core.site.account(), core.site.region(), core.now(),
                "Default key that protects my CloudWatch Logs data when no customer managed key is associated",
                "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", KmsKey.ENABLED, null, "AWS",
                LogsDefaultPolicy.text(core.site), Map.of(), List.of(core.wrap(keyId, 1, material)), null, null);
        core.store.put(key);
        return key;
    }

    /** DescribeKey: any key state; key id, key ARN, alias name or alias ARN. */
    public KmsKey describeKey(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolve(keyId);
        core.authorizer.require(caller, "kms:DescribeKey", key, Map.of());
        return key;
    }

    /** ListKeys: every key of the account, ordered by id (paging in the API layer). */
    public List<KmsKey> listKeys(Principal caller) {
        core.authorizer.requireAccountAction(caller, "kms:ListKeys");
        return core.store.all().stream().sorted(Comparator.comparing(KmsKey::keyId)).collect(Collectors.toList());
    }

    public String getKeyPolicy(Principal caller, String keyId, String policyName) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:GetKeyPolicy", key, Map.of());
        requirePolicyName(policyName);
        return key.policy();
    }

    public void listKeyPolicies(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:ListKeyPolicies", key, Map.of());
    }

    public void putKeyPolicy(Principal caller, String keyId, String policyName, String policy, boolean bypass) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:PutKeyPolicy", key, Map.of());
        requireCustomerManaged(key, "PutKeyPolicy");
        requirePolicyName(policyName);
        core.authorizer.validatePolicy(policy, caller, key, bypass);
        core.store.put(key.withPolicy(policy));
    }

    public KmsKey enableKey(Principal caller, String keyId) {
        return changeState(caller, keyId, "kms:EnableKey", KmsKey.ENABLED);
    }

    public KmsKey disableKey(Principal caller, String keyId) {
        return changeState(caller, keyId, "kms:DisableKey", KmsKey.DISABLED);
    }

    private KmsKey changeState(Principal caller, String keyId, String action, String state) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, action, key, Map.of());
        requireCustomerManaged(key, action.substring(4));
        KeyStates.requireNotPendingDeletion(key);
        if (!state.equals(key.keyState())) {
            key = key.withState(state, null);
            core.store.put(key);
        }
        return key;
    }

    /** UpdateKeyDescription: 0–8192 characters (model); not while pending deletion (key-state.md). */
    public void updateKeyDescription(Principal caller, String keyId, String description) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:UpdateKeyDescription", key, Map.of());
        requireCustomerManaged(key, "UpdateKeyDescription");
        KeyStates.requireNotPendingDeletion(key);
        core.store.put(key.withDescription(description));
    }

    /** ScheduleKeyDeletion: 7–30 days; the key is unusable at once and deleted by {@link KeyDeletions} when due. */
    public KmsKey scheduleKeyDeletion(Principal caller, String keyId, int pendingWindowInDays) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:ScheduleKeyDeletion", key, Map.of());
        requireCustomerManaged(key, "ScheduleKeyDeletion");
        KeyStates.requireNotPendingDeletion(key);
        if (pendingWindowInDays < 7 || pendingWindowInDays > 30) {
            throw AwsException.validation("1 validation error detected: Value '" + pendingWindowInDays
                    + "' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30");
        }
        double due = core.now() + pendingWindowInDays * 86400.0;
        KmsKey pending = key.withState(KmsKey.PENDING_DELETION, due);
        core.store.put(pending);
        return pending;
    }

    /** CancelKeyDeletion: the key returns to Disabled, as in AWS. */
    public KmsKey cancelKeyDeletion(Principal caller, String keyId) {
        KmsKey key = core.resolver.resolveKey(keyId);
        core.authorizer.require(caller, "kms:CancelKeyDeletion", key, Map.of());
        if (!KmsKey.PENDING_DELETION.equals(key.keyState())) {
            throw new AwsException("KMSInvalidStateException", key.arn() + " is not pending deletion.");
        }
        KmsKey disabled = key.withState(KmsKey.DISABLED, null);
        core.store.put(disabled);
        return disabled;
    }

    /** GenerateRandom: 1–1024 bytes; an account-level action (no key). */
    public byte[] generateRandom(Principal caller, int numberOfBytes) {
        core.authorizer.requireAccountAction(caller, "kms:GenerateRandom");
        return KmsCore.random(numberOfBytes);
    }

    private static void requirePolicyName(String policyName) {
        if (policyName != null && !POLICY_NAME.equals(policyName)) {
            throw new AwsException("NotFoundException", "No such policy exists");
        }
    }

    /** Keys the service manages (KeyManager AWS) cannot be changed by callers. */
    static void requireCustomerManaged(KmsKey key, String operation) {
        if ("AWS".equals(key.keyManager())) {
            throw AwsException.accessDenied("You cannot perform " + operation + " on an AWS managed key: " + key.arn());
        }
    }

    /** The policy AWS gives a key created without one, pretty-printed as AWS returns it (aws-wire.md §4.4). */
    public String defaultPolicy() {
        return DefaultKeyPolicy.text(core.site.account());
    }
}
