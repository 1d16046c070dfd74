package io.lockstream.server.kms;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.KeyService;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The key-service seam over the AWS SDK's {@link KmsClient}: Lockstream's own KMS over HTTP (distributed
 * mode) or AWS KMS itself. KMS errors become {@link AwsException}s with the KMS error code, as the in-process
 * implementation raises them; transport failures are 5xx.
 */
public final class AwsSdkKeyService implements KeyService, AutoCloseable {
    private final KmsClient kms;

    public AwsSdkKeyService(KmsClient kms) {
        this.kms = kms;
    }

    /** A client for {@code endpoint} (null: the AWS endpoint of the region) signing with the given credentials. */
    public static AwsSdkKeyService create(String endpoint, String region, String accessKeyId, String secretKey) {
        var builder = KmsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new AwsSdkKeyService(builder.build());
    }

    @Override
    public DataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        return call(() -> {
            var r = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(encryptionContext));
            return new DataKey(r.plaintext().asByteArray(), r.ciphertextBlob().asByteArray(), r.keyId());
        });
    }

    @Override
    public DataKey decryptDataKey(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        return call(() -> {
            var r = kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(ciphertextBlob))
                    .encryptionContext(encryptionContext));
            return new DataKey(r.plaintext().asByteArray(), ciphertextBlob, r.keyId());
        });
    }

    @Override
    public KeyDescription describeKey(String keyId) {
        return call(() -> {
            DescribeKeyResponse r = kms.describeKey(b -> b.keyId(keyId));
            var md = r.keyMetadata();
            return new KeyDescription(md.arn(), md.keyStateAsString(),
                    "SYMMETRIC_DEFAULT".equals(md.keySpecAsString()) && "ENCRYPT_DECRYPT".equals(md.keyUsageAsString()));
        });
    }

    private static <T> T call(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (KmsException e) {
            String code = e.awsErrorDetails() == null ? "KMSInternalException" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new AwsException(code, message == null ? "" : message, e.statusCode() >= 500 ? 500 : 400);
        } catch (SdkClientException e) {
            throw AwsException.serviceUnavailable("DependencyTimeoutException", "The KMS endpoint is unreachable.");
        }
    }

    @Override
    public void close() {
        kms.close();
    }
}
