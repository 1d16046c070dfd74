package io.lockstream.kms.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The asymmetric and HMAC primitives of KMS key specs, with the JDK providers (Bouncy Castle only for
 * RSASSA-PSS over a precomputed digest, which the JDK lacks). Algorithm names are KMS's
 * ({@code RSASSA_PSS_SHA_256}, {@code ECDSA_SHA_384}, {@code RSAES_OAEP_SHA_1}, {@code HMAC_SHA_256}).
 */
public final class Asymmetric {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private Asymmetric() {
    }

    /** A fresh key pair: {@code [PKCS#8 private, X.509 public]}. */
    public static byte[][] generate(String keySpec) {
        try {
            KeyPairGenerator g;
            if (keySpec.startsWith("RSA_")) {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(Integer.parseInt(keySpec.substring(4)));
            } else {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp" + keySpec.substring(10) + "r1"));
            }
            KeyPair kp = g.generateKeyPair();
            return new byte[][] {kp.getPrivate().getEncoded(), kp.getPublic().getEncoded()};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + keySpec, e);
        }
    }

    /** Length in bytes of the digest a signing algorithm uses (for MessageType DIGEST). */
    public static int digestLength(String signingAlgorithm) {
        return Integer.parseInt(signingAlgorithm.substring(signingAlgorithm.length() - 3)) / 8;
    }

    public static byte[] sign(String keySpec, byte[] pkcs8, String algorithm, byte[] message, boolean digest) {
        try {
            if (algorithm.startsWith("RSASSA_PSS_") && digest) {
                PSSSigner s = PSSSigner.createRawSigner(new RSABlindedEngine(), bcDigest(algorithm),
                        bcDigest(algorithm), digestLength(algorithm), PSSSigner.TRAILER_IMPLICIT);
                s.init(true, new ParametersWithRandom(PrivateKeyFactory.createKey(pkcs8), RANDOM));
                s.update(message, 0, message.length);
                return s.generateSignature();
            }
            Signature sig = signature(algorithm, digest);
            sig.initSign(privateKey(keySpec, pkcs8));
            sig.update(digest && algorithm.startsWith("RSASSA_PKCS1") ? digestInfo(algorithm, message) : message);
            return sig.sign();
        } catch (GeneralSecurityException | CryptoException | java.io.IOException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public static boolean verify(String keySpec, byte[] x509, String algorithm, byte[] message, boolean digest,
                                 byte[] signature) {
        try {
            if (algorithm.startsWith("RSASSA_PSS_") && digest) {
                PSSSigner s = PSSSigner.createRawSigner(new RSABlindedEngine(), bcDigest(algorithm),
                        bcDigest(algorithm), digestLength(algorithm), PSSSigner.TRAILER_IMPLICIT);
                AsymmetricKeyParameter pub = PublicKeyFactory.createKey(x509);
                s.init(false, pub);
                s.update(message, 0, message.length);
                return s.verifySignature(signature);
            }
            Signature sig = signature(algorithm, digest);
            sig.initVerify(publicKey(keySpec, x509));
            sig.update(digest && algorithm.startsWith("RSASSA_PKCS1") ? digestInfo(algorithm, message) : message);
            return sig.verify(signature);
        } catch (java.security.SignatureException | java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("verification failed", e);
        }
    }

    /** RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256 (MGF1 with the same hash). */
    public static byte[] rsaEncrypt(byte[] x509, String algorithm, byte[] plaintext) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, publicKey("RSA_", x509), oaep(algorithm));
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA encryption failed", e);
        }
    }

    /** Null if the ciphertext does not decrypt (wrong key, algorithm or damaged). */
    public static byte[] rsaDecrypt(byte[] pkcs8, String algorithm, byte[] ciphertext) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, privateKey("RSA_", pkcs8), oaep(algorithm));
            return c.doFinal(ciphertext);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA decryption failed", e);
        }
    }

    /** HMAC_SHA_256 etc. over {@code message}. */
    public static byte[] mac(String macAlgorithm, byte[] secret, byte[] message) {
        try {
            String jce = "HmacSHA" + macAlgorithm.substring(macAlgorithm.length() - 3);
            Mac mac = Mac.getInstance(jce);
            mac.init(new SecretKeySpec(secret, jce));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    /** Constant-time comparison. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static OAEPParameterSpec oaep(String algorithm) {
        boolean sha1 = "RSAES_OAEP_SHA_1".equals(algorithm);
        return new OAEPParameterSpec(sha1 ? "SHA-1" : "SHA-256", "MGF1",
                sha1 ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    private static Signature signature(String algorithm, boolean digest) throws GeneralSecurityException {
        String bits = algorithm.substring(algorithm.length() - 3);
        if (algorithm.startsWith("ECDSA_")) {
            return Signature.getInstance(digest ? "NONEwithECDSA" : "SHA" + bits + "withECDSA");
        }
        if (algorithm.startsWith("RSASSA_PKCS1_V1_5_")) {
            return Signature.getInstance(digest ? "NONEwithRSA" : "SHA" + bits + "withRSA");
        }
        Signature s = Signature.getInstance("RSASSA-PSS");
        MGF1ParameterSpec mgf = switch (bits) {
            case "256" -> MGF1ParameterSpec.SHA256;
            case "384" -> MGF1ParameterSpec.SHA384;
            default -> MGF1ParameterSpec.SHA512;
        };
        s.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", mgf, Integer.parseInt(bits) / 8, 1));
        return s;
    }

    private static Digest bcDigest(String algorithm) {
        return switch (algorithm.substring(algorithm.length() - 3)) {
            case "256" -> new SHA256Digest();
            case "384" -> new SHA384Digest();
            default -> new SHA512Digest();
        };
    }

    /** DER DigestInfo prefix + digest, for PKCS#1 v1.5 signatures over a precomputed digest (RFC 8017 §9.2). */
    private static byte[] digestInfo(String algorithm, byte[] digest) {
        String prefix = switch (algorithm.substring(algorithm.length() - 3)) {
            case "256" -> "3031300d060960864801650304020105000420";
            case "384" -> "3041300d060960864801650304020205000430";
            default -> "3051300d060960864801650304020305000440";
        };
        byte[] p = HexFormat.of().parseHex(prefix);
        byte[] out = Arrays.copyOf(p, p.length + digest.length);
        System.arraycopy(digest, 0, out, p.length, digest.length);
        return out;
    }

    private static PrivateKey privateKey(String keySpec, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(keySpec.startsWith("RSA_") ? "RSA" : "EC")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static PublicKey publicKey(String keySpec, byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(keySpec.startsWith("RSA_") ? "RSA" : "EC")
                .generatePublic(new X509EncodedKeySpec(x509));
    }

}
