package io.lockstream.server.it;

import io.lockstream.common.auth.Principal;
import io.lockstream.common.kms.KeyService;
import io.lockstream.kms.KmsService;
import io.lockstream.kms.LocalKeyService;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The key-service contract in process: {@link LocalKeyService} over a {@link KmsService} on the shared broker. */
class KmsLocalKeyServiceContractIT extends KeyServiceContract {
    private static final Principal ROOT = Principal.accountRoot(TestLockstream.ACCOUNT);
    private static StandaloneKms kms;
    private static LocalKeyService service;

    @BeforeAll
    static void start() {
        kms = StandaloneKms.start(Clock.systemUTC());
        service = new LocalKeyService(kms.kms,
                Principal.service("logs." + TestLockstream.REGION + ".amazonaws.com", TestLockstream.ACCOUNT));
    }

    @AfterAll
    static void stop() {
        kms.close();
    }

    @Override
    protected KeyService keyService() {
        return service;
    }

    @Override
    protected String createKey(String policy) {
        return kms.kms.createKey(ROOT, new KmsService.NewKey("contract", null, null, policy, Map.of(), false)).arn();
    }

    @Override
    protected void disableKey(String keyArn) {
        kms.kms.disableKey(ROOT, keyArn);
    }

    @Override
    protected String createSigningKey(String policy) {
        return kms.kms.createKey(ROOT, new KmsService.NewKey("contract", "SIGN_VERIFY", "ECC_NIST_P256", policy, Map.of(),
                false)).arn();
    }
}
