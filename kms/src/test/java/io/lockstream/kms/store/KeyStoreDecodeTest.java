package io.lockstream.kms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kms.keys holds keys and aliases; records written before asymmetric keys and rotation still decode. */
class KeyStoreDecodeTest {

    @Test
    void keys_and_aliases_round_trip() {
        KmsKey key = new KmsKey("k1", "123456789012", "us-west-2", 1.5, "d", "SIGN_VERIFY", "ECC_NIST_P256",
                KmsKey.ENABLED, null, "CUSTOMER", "{}", Map.of("a", "b"), List.of(new KmsKey.Material(1, new byte[] {1})),
                new byte[] {2}, new KmsKey.Rotation(true, 90, 10.0, null));
        assertThat(KeyStore.decode(key.toBytes())).usingRecursiveComparison().isEqualTo(key);
        KmsAlias alias = new KmsAlias("alias/x", "k1", 1.0, 2.0);
        assertThat(KeyStore.decode(alias.toBytes())).isEqualTo(alias);
    }

    @Test
    void a_record_from_before_rotation_and_asymmetric_keys_decodes() {
        String old = "{\"keyId\":\"k2\",\"account\":\"123456789012\",\"region\":\"us-west-2\",\"creationDate\":1.0,"
                + "\"description\":\"\",\"keyUsage\":\"ENCRYPT_DECRYPT\",\"keySpec\":\"SYMMETRIC_DEFAULT\","
                + "\"keyState\":\"Enabled\",\"keyManager\":\"CUSTOMER\",\"policy\":\"{}\",\"tags\":{},"
                + "\"materials\":[{\"version\":1,\"wrapped\":\"AQ==\"}]}";
        KmsKey key = (KmsKey) KeyStore.decode(old.getBytes(StandardCharsets.UTF_8));
        assertThat(key.rotation()).isNull();
        assertThat(key.rotationEnabled()).isFalse();
        assertThat(key.publicKey()).isNull();
        assertThat(key.symmetricEncryption()).isTrue();
        assertThat(key.currentKeyMaterialId()).hasSize(64);
    }
}
