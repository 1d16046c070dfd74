package io.lockstream.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockstream.common.aws.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CreateKey's KeySpec × KeyUsage table (aws-wire.md §4.2). */
class KeySpecsTest {

    @ParameterizedTest
    @CsvSource({
        "SYMMETRIC_DEFAULT,,ENCRYPT_DECRYPT",
        "SYMMETRIC_DEFAULT,ENCRYPT_DECRYPT,ENCRYPT_DECRYPT",
        "RSA_2048,ENCRYPT_DECRYPT,ENCRYPT_DECRYPT",
        "RSA_3072,SIGN_VERIFY,SIGN_VERIFY",
        "RSA_4096,SIGN_VERIFY,SIGN_VERIFY",
        "ECC_NIST_P256,SIGN_VERIFY,SIGN_VERIFY",
        "ECC_NIST_P384,SIGN_VERIFY,SIGN_VERIFY",
        "ECC_NIST_P521,SIGN_VERIFY,SIGN_VERIFY",
        "HMAC_224,GENERATE_VERIFY_MAC,GENERATE_VERIFY_MAC",
        "HMAC_256,GENERATE_VERIFY_MAC,GENERATE_VERIFY_MAC",
    })
    void allowed(String spec, String usage, String expected) {
        assertThat(KeySpecs.usageFor(spec, usage)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_2048,GENERATE_VERIFY_MAC",
        "ECC_NIST_P256,ENCRYPT_DECRYPT",
        "HMAC_256,SIGN_VERIFY",
        "SYMMETRIC_DEFAULT,SIGN_VERIFY",
    })
    void incompatible(String spec, String usage) {
        assertThatThrownBy(() -> KeySpecs.usageFor(spec, usage)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.type()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).isEqualTo("KeyUsage " + usage + " is not compatible with KeySpec " + spec);
        });
    }

    @Test
    void every_non_symmetric_spec_needs_a_usage() {
        for (String spec : new String[] {"RSA_2048", "ECC_NIST_P256", "HMAC_512"}) {
            assertThatThrownBy(() -> KeySpecs.usageFor(spec, null)).hasMessage(
                    "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        }
    }

    @Test
    void unknown_and_unsupported_specs() {
        assertThatThrownBy(() -> KeySpecs.usageFor("AES", null)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.getMessage()).startsWith("1 validation error detected: Value 'AES' at 'keySpec'"));
        assertThatThrownBy(() -> KeySpecs.usageFor("SM2", "SIGN_VERIFY")).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.type()).isEqualTo("UnsupportedOperationException"));
    }

    @Test
    void algorithms_and_limits() {
        assertThat(KeySpecs.signingAlgorithms("ECC_NIST_P521", "SIGN_VERIFY")).containsExactly("ECDSA_SHA_512");
        assertThat(KeySpecs.encryptionAlgorithms("RSA_2048", "SIGN_VERIFY")).isEmpty();
        assertThat(KeySpecs.macAlgorithms("HMAC_384")).containsExactly("HMAC_SHA_384");
        // KMS-DG: RSA_2048 OAEP SHA-1 214 bytes, SHA-256 190; RSA_4096 470 / 446.
        assertThat(KeySpecs.maxRsaPlaintext("RSA_2048", "RSAES_OAEP_SHA_1")).isEqualTo(214);
        assertThat(KeySpecs.maxRsaPlaintext("RSA_2048", "RSAES_OAEP_SHA_256")).isEqualTo(190);
        assertThat(KeySpecs.maxRsaPlaintext("RSA_3072", "RSAES_OAEP_SHA_1")).isEqualTo(342);
        assertThat(KeySpecs.maxRsaPlaintext("RSA_4096", "RSAES_OAEP_SHA_256")).isEqualTo(446);
        assertThat(KeySpecs.secretBytes("HMAC_224")).isEqualTo(28);
        assertThat(KeySpecs.secretBytes("SYMMETRIC_DEFAULT")).isEqualTo(32);
    }
}
