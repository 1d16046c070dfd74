package io.lockstream.server.it;

import io.lockstream.common.kms.KeyService;
import io.lockstream.server.kms.AwsSdkKeyService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The key-service contract through the AWS SDK for Java v2 {@code KmsClient}, against the shared Lockstream
 * endpoint, signing as the CloudWatch Logs service principal: the same seam Lockstream uses towards a remote
 * (or the real) KMS in distributed mode.
 */
class KmsSdkKeyServiceContractIT extends KeyServiceContract {
    private static AwsSdkKeyService service;
    private static KmsClient root;

    @BeforeAll
    static void start() {
        service = AwsSdkKeyService.create(TestLockstream.endpoint().toString(), TestLockstream.REGION,
                TestLockstream.LOGS_ACCESS_KEY, TestLockstream.LOGS_SECRET);
        root = TestLockstream.kms();
    }

    @AfterAll
    static void stop() {
        service.close();
        root.close();
    }

    @Override
    protected KeyService keyService() {
        return service;
    }

    @Override
    protected String createKey(String policy) {
        return root.createKey(b -> b.policy(policy)).keyMetadata().arn();
    }

    @Override
    protected void disableKey(String keyArn) {
        root.disableKey(b -> b.keyId(keyArn));
    }

    @Override
    protected String createSigningKey(String policy) {
        return root.createKey(b -> b.policy(policy).keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
    }
}
