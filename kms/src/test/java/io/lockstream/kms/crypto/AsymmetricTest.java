package io.lockstream.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sign/verify for every KMS signing algorithm, RAW and DIGEST, and RSAES_OAEP round trips. */
class AsymmetricTest {
    private static final byte[] MESSAGE = "message".getBytes();

    @ParameterizedTest
    @CsvSource({
        "RSA_2048,RSASSA_PSS_SHA_256", "RSA_2048,RSASSA_PSS_SHA_384", "RSA_2048,RSASSA_PSS_SHA_512",
        "RSA_2048,RSASSA_PKCS1_V1_5_SHA_256", "RSA_2048,RSASSA_PKCS1_V1_5_SHA_384", "RSA_2048,RSASSA_PKCS1_V1_5_SHA_512",
        "ECC_NIST_P256,ECDSA_SHA_256", "ECC_NIST_P384,ECDSA_SHA_384", "ECC_NIST_P521,ECDSA_SHA_512",
    })
    void raw_and_digest_signatures_are_interchangeable(String spec, String alg) throws Exception {
        byte[][] pair = Asymmetric.generate(spec);
        byte[] digest = MessageDigest.getInstance("SHA-" + alg.substring(alg.length() - 3)).digest(MESSAGE);
        byte[] rawSig = Asymmetric.sign(spec, pair[0], alg, MESSAGE, false);
        byte[] digestSig = Asymmetric.sign(spec, pair[0], alg, digest, true);
        // A signature over the message verifies against its digest and vice versa: DIGEST is the same scheme.
        assertThat(Asymmetric.verify(spec, pair[1], alg, digest, true, rawSig)).isTrue();
        assertThat(Asymmetric.verify(spec, pair[1], alg, MESSAGE, false, digestSig)).isTrue();
        assertThat(Asymmetric.verify(spec, pair[1], alg, "other".getBytes(), false, rawSig)).isFalse();
        assertThat(Asymmetric.verify(spec, pair[1], alg, MESSAGE, false, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void oaep_round_trip_and_wrong_algorithm_fails() {
        byte[][] pair = Asymmetric.generate("RSA_2048");
        for (String alg : new String[] {"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"}) {
            byte[] c = Asymmetric.rsaEncrypt(pair[1], alg, MESSAGE);
            assertThat(Asymmetric.rsaDecrypt(pair[0], alg, c)).isEqualTo(MESSAGE);
        }
        byte[] c = Asymmetric.rsaEncrypt(pair[1], "RSAES_OAEP_SHA_1", MESSAGE);
        assertThat(Asymmetric.rsaDecrypt(pair[0], "RSAES_OAEP_SHA_256", c)).isNull();
    }

    @Test
    void hmac_matches_rfc_4231_test_case_2() {
        byte[] mac = Asymmetric.mac("HMAC_SHA_256", "Jefe".getBytes(), "what do ya want for nothing?".getBytes());
        assertThat(java.util.HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
