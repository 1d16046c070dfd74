package io.lockstream.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Json;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import io.lockstream.kms.KeyCrypto;
import io.lockstream.kms.store.KmsKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The cryptographic TrentService operations over {@link KeyCrypto}. */
final class CryptoApi {
    private static final List<String> ENCRYPTION_ALGORITHMS =
            List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    private static final List<String> SIGNING_ALGORITHMS = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384",
            "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
            "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512");
    private static final List<String> MAC_ALGORITHMS =
            List.of("HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512");

    private final KeyCrypto crypto;

    CryptoApi(KeyCrypto crypto) {
        this.crypto = crypto;
    }

    void register(Map<String, Operation> ops) {
        ops.put("Encrypt", this::encrypt);
        ops.put("Decrypt", this::decrypt);
        ops.put("ReEncrypt", this::reEncrypt);
        ops.put("GenerateDataKey", c -> generateDataKey(c, true));
        ops.put("GenerateDataKeyWithoutPlaintext", c -> generateDataKey(c, false));
        ops.put("Sign", this::sign);
        ops.put("Verify", this::verify);
        ops.put("GenerateMac", this::generateMac);
        ops.put("VerifyMac", this::verifyMac);
        ops.put("GetPublicKey", this::getPublicKey);
    }

    private JsonNode encrypt(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        byte[] plaintext = r.blob("Plaintext").orElseThrow(() -> r.missing("plaintext"));
        KeyCrypto.CryptoResult res = crypto.encrypt(c.caller(), r.requiredString("KeyId"), plaintext,
                r.stringMap("EncryptionContext"), algorithm(r, "EncryptionAlgorithm", "encryptionAlgorithm"));
        return Json.object().put("CiphertextBlob", b64(res.ciphertextBlob())).put("KeyId", res.keyArn())
                .put("EncryptionAlgorithm", res.algorithm());
    }

    private JsonNode decrypt(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        byte[] blob = r.blob("CiphertextBlob").orElseThrow(() -> r.missing("ciphertextBlob"));
        KeyCrypto.CryptoResult res = crypto.decrypt(c.caller(), blob, r.stringMap("EncryptionContext"),
                r.string("KeyId").orElse(null), algorithm(r, "EncryptionAlgorithm", "encryptionAlgorithm"));
        return Json.object().put("KeyId", res.keyArn()).put("Plaintext", b64(res.plaintext()))
                .put("EncryptionAlgorithm", res.algorithm());
    }

    private JsonNode reEncrypt(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        byte[] blob = r.blob("CiphertextBlob").orElseThrow(() -> r.missing("ciphertextBlob"));
        KeyCrypto.ReEncrypted res = crypto.reEncrypt(c.caller(), blob, r.stringMap("SourceEncryptionContext"),
                r.string("SourceKeyId").orElse(null),
                algorithm(r, "SourceEncryptionAlgorithm", "sourceEncryptionAlgorithm"),
                r.requiredString("DestinationKeyId"), r.stringMap("DestinationEncryptionContext"),
                algorithm(r, "DestinationEncryptionAlgorithm", "destinationEncryptionAlgorithm"));
        return Json.object().put("CiphertextBlob", b64(res.ciphertextBlob())).put("SourceKeyId", res.sourceKeyArn())
                .put("KeyId", res.keyArn()).put("SourceEncryptionAlgorithm", res.sourceAlgorithm())
                .put("DestinationEncryptionAlgorithm", res.destinationAlgorithm());
    }

    /** GenerateDataKey(WithoutPlaintext): exactly one of NumberOfBytes (1–1024) and KeySpec (AES_256|AES_128). */
    private JsonNode generateDataKey(Call c, boolean withPlaintext) {
        JsonRequest r = c.request();
        dryRun(r);
        Integer bytes = r.intValue("NumberOfBytes").orElse(null);
        String spec = r.string("KeySpec").orElse(null);
        if ((bytes == null) == (spec == null)) {
            throw AwsException.validation("Please specify either number of bytes or key spec.");
        }
        int n;
        if (spec != null) {
            n = switch (spec) {
                case "AES_256" -> 32;
                case "AES_128" -> 16;
                default -> throw r.invalid("keySpec", spec, "Member must satisfy enum value set: [AES_256, AES_128]");
            };
        } else {
            if (bytes < 1 || bytes > 1024) {
                throw r.invalid("numberOfBytes", bytes, "Member must have value between 1 and 1024");
            }
            n = bytes;
        }
        KeyCrypto.CryptoResult res = crypto.generateDataKey(c.caller(), r.requiredString("KeyId"), n,
                r.stringMap("EncryptionContext"), withPlaintext);
        ObjectNode out = Json.object().put("CiphertextBlob", b64(res.ciphertextBlob())).put("KeyId", res.keyArn());
        if (withPlaintext) {
            out.put("Plaintext", b64(res.plaintext()));
        }
        return out;
    }

    private JsonNode sign(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        KeyCrypto.Signed s = crypto.sign(c.caller(), r.requiredString("KeyId"), message(r), digest(r),
                required(r, "SigningAlgorithm", "signingAlgorithm", SIGNING_ALGORITHMS));
        return Json.object().put("KeyId", s.keyArn()).put("Signature", b64(s.value()))
                .put("SigningAlgorithm", s.algorithm());
    }

    private JsonNode verify(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        byte[] signature = r.blob("Signature").orElseThrow(() -> r.missing("signature"));
        KeyCrypto.Signed s = crypto.verify(c.caller(), r.requiredString("KeyId"), message(r), digest(r),
                required(r, "SigningAlgorithm", "signingAlgorithm", SIGNING_ALGORITHMS), signature);
        return Json.object().put("KeyId", s.keyArn()).put("SignatureValid", true)
                .put("SigningAlgorithm", s.algorithm());
    }

    private JsonNode generateMac(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        KeyCrypto.Signed s = crypto.generateMac(c.caller(), r.requiredString("KeyId"), message(r),
                required(r, "MacAlgorithm", "macAlgorithm", MAC_ALGORITHMS));
        return Json.object().put("Mac", b64(s.value())).put("MacAlgorithm", s.algorithm()).put("KeyId", s.keyArn());
    }

    private JsonNode verifyMac(Call c) {
        JsonRequest r = c.request();
        dryRun(r);
        byte[] mac = r.blob("Mac").orElseThrow(() -> r.missing("mac"));
        KeyCrypto.Signed s = crypto.verifyMac(c.caller(), r.requiredString("KeyId"), message(r),
                required(r, "MacAlgorithm", "macAlgorithm", MAC_ALGORITHMS), mac);
        return Json.object().put("KeyId", s.keyArn()).put("MacValid", true).put("MacAlgorithm", s.algorithm());
    }

    private JsonNode getPublicKey(Call c) {
        KmsKey key = crypto.getPublicKey(c.caller(), c.request().requiredString("KeyId"));
        ObjectNode out = Json.object().put("KeyId", key.arn()).put("PublicKey", b64(key.publicKey()))
                .put("CustomerMasterKeySpec", key.keySpec()).put("KeySpec", key.keySpec())
                .put("KeyUsage", key.keyUsage());
        KeyMetadataJson.list(out, "EncryptionAlgorithms",
                io.lockstream.kms.KeySpecs.encryptionAlgorithms(key.keySpec(), key.keyUsage()));
        KeyMetadataJson.list(out, "SigningAlgorithms",
                io.lockstream.kms.KeySpecs.signingAlgorithms(key.keySpec(), key.keyUsage()));
        return out;
    }

    private static byte[] message(JsonRequest r) {
        return r.blob("Message").orElseThrow(() -> r.missing("message"));
    }

    /** MessageType RAW (default) or DIGEST. */
    private static boolean digest(JsonRequest r) {
        String type = r.string("MessageType").orElse("RAW");
        if (!type.equals("RAW") && !type.equals("DIGEST")) {
            throw r.invalid("messageType", type, "Member must satisfy enum value set: [DIGEST, RAW]");
        }
        return type.equals("DIGEST");
    }

    private static String algorithm(JsonRequest r, String member, String wireName) {
        String alg = r.string(member).orElse(null);
        if (alg != null && !ENCRYPTION_ALGORITHMS.contains(alg)) {
            throw r.invalid(wireName, alg, "Member must satisfy enum value set: " + ENCRYPTION_ALGORITHMS);
        }
        return alg;
    }

    private static String required(JsonRequest r, String member, String wireName, List<String> allowed) {
        String v = r.string(member).orElseThrow(() -> r.missing(wireName));
        if (!allowed.contains(v)) {
            throw r.invalid(wireName, v, "Member must satisfy enum value set: " + allowed);
        }
        return v;
    }

    /** DryRun (M-new): the request would have succeeded as far as we check before acting. */
    private static void dryRun(JsonRequest r) {
        if (r.bool("DryRun").orElse(false)) {
            throw new AwsException("DryRunOperationException", "The request would have succeeded, but the DryRun "
                    + "option is set.");
        }
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
