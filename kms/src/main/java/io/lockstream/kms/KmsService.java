package io.lockstream.kms;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.kms.authz.KeyAuthorizer;
import io.lockstream.kms.crypto.CiphertextBlob;
import io.lockstream.kms.crypto.RootKey;
import io.lockstream.kms.store.KeyStore;
import io.lockstream.kms.store.KmsKey;
import io.lockstream.policy.DefaultKeyPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The key service: keys, key states, key policies and the cryptographic operations, each authorised for
 * the calling principal as AWS KMS does. Both the TrentService HTTP API and the in-process key-service
 * seam call this class.
 */
public final class KmsService {
    /** Name of the only key policy a key has. */
    public static final String POLICY_NAME = "default";
    private static final String DECRYPT_DENIED = "The ciphertext refers to a customer master key that does not exist, "
            + "does not exist in this region, or you are not allowed to access.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Site site;
    private final KeyStore store;
    private final RootKey rootKey;
    private final KeyAuthorizer authorizer;
    private final Clock clock;
    private final KeyResolver resolver;
    private final Map<String, byte[]> materials = new ConcurrentHashMap<>();

    public KmsService(Site site, KeyStore store, RootKey rootKey, KeyAuthorizer authorizer, Clock clock) {
        this.site = site;
        this.store = store;
        this.rootKey = rootKey;
        this.authorizer = authorizer;
        this.clock = clock;
        this.resolver = new KeyResolver(site, store);
        store.onChange((keyId, key) -> {
            if (key == null) {
                materials.keySet().removeIf(k -> k.startsWith(keyId + "#"));
            }
        });
    }

    public Site site() {
        return site;
    }

    /** The result of Encrypt / GenerateDataKey / Decrypt: bytes and the key ARN that was used. */
    public record CryptoResult(byte[] plaintext, byte[] ciphertextBlob, String keyArn) {
    }

    /**
     * CreateKey parameters.
     *
     * @param policy key policy, or null for the default policy
     */
    public record NewKey(String description, String keyUsage, String keySpec, String policy, Map<String, String> tags,
                         boolean bypassPolicyLockoutSafetyCheck) {
    }

    public KmsKey createKey(Principal caller, NewKey spec) {
        authorizer.requireAccountAction(caller, "kms:CreateKey");
        String keyId = UUID.randomUUID().toString();
        KmsKey draft = newKey(keyId, spec.description(), spec.keyUsage(), spec.keySpec(), "CUSTOMER",
                spec.policy() == null ? defaultPolicy() : spec.policy(), spec.tags(), randomMaterial(keyId));
        if (spec.policy() != null) {
            authorizer.validatePolicy(spec.policy(), caller, draft, spec.bypassPolicyLockoutSafetyCheck());
        }
        store.put(draft);
        return draft;
    }

    /**
     * The service's default key for log groups without a customer managed key: managed by the service
     * (KeyManager AWS), its material derived from the root key, so every instance creates the same key.
     */
    public KmsKey ensureLogsDefaultKey() {
        String keyId = ServiceKeys.logsDefaultKeyId(site);
        Optional<KmsKey> existing = store.find(keyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] material = rootKey.derive("logs-default-key/" + keyId);
        KmsKey key = newKey(keyId, "Default key that protects my CloudWatch Logs data when no customer managed key is "
                + "associated", "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "AWS", logsDefaultPolicy(), Map.of(),
                List.of(new KmsKey.Material(1, rootKey.wrap(keyId, 1, material))));
        store.put(key);
        return key;
    }

    public KmsKey describeKey(Principal caller, String keyId) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, "kms:DescribeKey", key, Map.of());
        return key;
    }

    /** ListKeys: every key of the account, ordered by id. */
    public List<KmsKey> listKeys(Principal caller) {
        authorizer.requireAccountAction(caller, "kms:ListKeys");
        return store.all().stream().sorted(Comparator.comparing(KmsKey::keyId)).collect(Collectors.toList());
    }

    public String getKeyPolicy(Principal caller, String keyId, String policyName) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, "kms:GetKeyPolicy", key, Map.of());
        requirePolicyName(policyName);
        return key.policy();
    }

    public void putKeyPolicy(Principal caller, String keyId, String policyName, String policy, boolean bypass) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, "kms:PutKeyPolicy", key, Map.of());
        requireCustomerManaged(key, "PutKeyPolicy");
        requirePolicyName(policyName);
        authorizer.validatePolicy(policy, caller, key, bypass);
        store.put(key.withPolicy(policy));
    }

    public KmsKey enableKey(Principal caller, String keyId) {
        return changeState(caller, keyId, "kms:EnableKey", KmsKey.ENABLED);
    }

    public KmsKey disableKey(Principal caller, String keyId) {
        return changeState(caller, keyId, "kms:DisableKey", KmsKey.DISABLED);
    }

    private KmsKey changeState(Principal caller, String keyId, String action, String state) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, action, key, Map.of());
        requireCustomerManaged(key, action.substring(4));
        KeyStates.requireNotPendingDeletion(key);
        if (!state.equals(key.keyState())) {
            key = key.withState(state, null);
            store.put(key);
        }
        return key;
    }

    /** ScheduleKeyDeletion: 7–30 days; the key is unusable at once. */
    public KmsKey scheduleKeyDeletion(Principal caller, String keyId, int pendingWindowInDays) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, "kms:ScheduleKeyDeletion", key, Map.of());
        requireCustomerManaged(key, "ScheduleKeyDeletion");
        KeyStates.requireNotPendingDeletion(key);
        if (pendingWindowInDays < 7 || pendingWindowInDays > 30) {
            throw AwsException.validation("1 validation error detected: Value '" + pendingWindowInDays
                    + "' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30");
        }
        double due = clock.millis() / 1000.0 + pendingWindowInDays * 86400.0;
        KmsKey pending = key.withState(KmsKey.PENDING_DELETION, due);
        store.put(pending);
        return pending;
    }

    /** CancelKeyDeletion: the key returns to Disabled, as in AWS. */
    public KmsKey cancelKeyDeletion(Principal caller, String keyId) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, "kms:CancelKeyDeletion", key, Map.of());
        if (!KmsKey.PENDING_DELETION.equals(key.keyState())) {
            throw new AwsException("KMSInvalidStateException", key.arn() + " is not pending deletion.");
        }
        KmsKey disabled = key.withState(KmsKey.DISABLED, null);
        store.put(disabled);
        return disabled;
    }

    public CryptoResult encrypt(Principal caller, String keyId, byte[] plaintext, Map<String, String> context) {
        if (plaintext.length < 1 || plaintext.length > 4096) {
            throw AwsException.validation("1 validation error detected: Value at 'plaintext' failed to satisfy "
                    + "constraint: Member must have length " + (plaintext.length < 1 ? "greater than or equal to 1"
                    : "less than or equal to 4096"));
        }
        KmsKey key = usableKey(caller, keyId, "kms:Encrypt", "Encrypt", context);
        return new CryptoResult(null, seal(key, plaintext, context), key.arn());
    }

    /** GenerateDataKey: a random data key of {@code bytes} bytes, in plaintext and sealed under the key. */
    public CryptoResult generateDataKey(Principal caller, String keyId, int bytes, Map<String, String> context,
                                        boolean withPlaintext) {
        String action = withPlaintext ? "kms:GenerateDataKey" : "kms:GenerateDataKeyWithoutPlaintext";
        KmsKey key = usableKey(caller, keyId, action, action.substring(4), context);
        byte[] dataKey = new byte[bytes];
        RANDOM.nextBytes(dataKey);
        return new CryptoResult(withPlaintext ? dataKey : null, seal(key, dataKey, context), key.arn());
    }

    /**
     * Decrypt: the key comes from the blob; an explicit {@code keyId} must name that same key
     * ({@code IncorrectKeyException}); a wrong context or a damaged blob is {@code InvalidCiphertextException}
     * with an empty message, as in AWS.
     */
    public CryptoResult decrypt(Principal caller, byte[] blob, Map<String, String> context, String keyId) {
        CiphertextBlob.Header header = CiphertextBlob.header(blob)
                .orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        KmsKey key = store.find(header.keyId()).orElseThrow(() -> AwsException.accessDenied(DECRYPT_DENIED));
        if (keyId != null && !resolver.resolve(keyId).keyId().equals(key.keyId())) {
            throw new AwsException("IncorrectKeyException",
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        authorizer.require(caller, "kms:Decrypt", key, context);
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireSymmetricEncryption(key, "Decrypt");
        KmsKey.Material material = key.materials().stream().filter(m -> m.version() == header.materialVersion())
                .findFirst().orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        byte[] plain = CiphertextBlob.decrypt(blob, header, material(key, material), context)
                .orElseThrow(() -> new AwsException("InvalidCiphertextException", ""));
        return new CryptoResult(plain, null, key.arn());
    }

    private KmsKey usableKey(Principal caller, String keyId, String action, String operation,
                             Map<String, String> context) {
        KmsKey key = resolver.resolve(keyId);
        authorizer.require(caller, action, key, context);
        KeyStates.requireUsableForCrypto(key);
        KeyStates.requireSymmetricEncryption(key, operation);
        return key;
    }

    private byte[] seal(KmsKey key, byte[] plaintext, Map<String, String> context) {
        KmsKey.Material current = key.currentMaterial();
        return CiphertextBlob.encrypt(key.keyId(), current.version(), material(key, current), plaintext, context);
    }

    private byte[] material(KmsKey key, KmsKey.Material m) {
        return materials.computeIfAbsent(key.keyId() + "#" + m.version(),
                k -> rootKey.unwrap(key.keyId(), m.version(), m.wrapped()));
    }

    private List<KmsKey.Material> randomMaterial(String keyId) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        List<KmsKey.Material> list = new ArrayList<>();
        list.add(new KmsKey.Material(1, rootKey.wrap(keyId, 1, material)));
        return list;
    }

    private KmsKey newKey(String keyId, String description, String keyUsage, String keySpec, String manager,
                          String policy, Map<String, String> tags, List<KmsKey.Material> materials) {
        double now = clock.millis() / 1000.0;
        return new KmsKey(keyId, site.account(), site.region(), now, Objects.requireNonNullElse(description, ""),
                keyUsage, keySpec, KmsKey.ENABLED, null, manager, policy, tags, materials);
    }

    private static void requirePolicyName(String policyName) {
        if (policyName != null && !POLICY_NAME.equals(policyName)) {
            throw new AwsException("NotFoundException", "No such policy exists");
        }
    }

    /** Keys the service manages (KeyManager AWS) cannot be changed by callers. */
    private static void requireCustomerManaged(KmsKey key, String operation) {
        if ("AWS".equals(key.keyManager())) {
            throw AwsException.accessDenied("You cannot perform " + operation + " on an AWS managed key: " + key.arn());
        }
    }

    /** The policy AWS gives a key created without one, pretty-printed as AWS returns it (aws-wire.md §4.4). */
    public String defaultPolicy() {
        return DefaultKeyPolicy.text(site.account());
    }

    private String logsDefaultPolicy() {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"lockstream-logs-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow CloudWatch Logs to use the key for this account's log groups\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"Service\" : \"" + site.logsServicePrincipal() + "\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Encrypt*\", \"kms:Decrypt*\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", "
                + "\"kms:Describe*\" ],\n"
                + "    \"Resource\" : \"*\",\n"
                + "    \"Condition\" : {\n"
                + "      \"ArnLike\" : {\n"
                + "        \"kms:EncryptionContext:aws:logs:arn\" : \"arn:aws:logs:" + site.region() + ":"
                + site.account() + ":*\"\n"
                + "      }\n"
                + "    }\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow the account to view the key\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + site.account() + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }
}
