package io.lockstream.query.read;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.envelope.EnvelopeException;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.kms.DataKey;
import io.lockstream.common.kms.DecryptKeyCache;
import io.lockstream.common.kms.EncryptionContext;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.util.Map;

/**
 * Opens sealed batches on read, asking the KMS (through the decrypt-side cache, which key changes
 * invalidate) as the logs service principal with the group's encryption context. A refusal fails the whole
 * read with an error that names the key and the log group; a batch that fails authentication fails it
 * too. Never returns ciphertext and never silently fewer events.
 */
final class SealedReader {
    private final DecryptKeyCache keys;
    private final LockstreamMetrics metrics;

    SealedReader(DecryptKeyCache keys, LockstreamMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
    }

    SealedBatch.Opener opener(SealedBatch batch, String groupArn) {
        Map<String, String> context = EncryptionContext.forLogGroup(groupArn);
        try {
            DataKey key = keys.get(batch.keyArn(), batch.wrappedKey(), context);
            return batch.opener(key, groupArn);
        } catch (AwsException e) {
            if (e.status() >= 500) {
                throw e;
            }
            throw AwsException.accessDenied("The KMS key " + batch.keyArn() + " cannot be used to decrypt the log "
                    + "events of log group '" + groupArn + "': " + e.type()
                    + (e.getMessage() == null || e.getMessage().isEmpty() ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** Decrypts event {@code i}, retrying once if the cached data key was retired meanwhile. */
    String message(SealedBatch batch, String groupArn, SealedBatch.Opener opener, int i) {
        String message = open(batch, groupArn, opener, i);
        metrics.eventsOpened(1);
        return message;
    }

    private String open(SealedBatch batch, String groupArn, SealedBatch.Opener opener, int i) {
        try {
            return opener.message(i);
        } catch (IllegalStateException retired) {
            return opener(batch, groupArn).message(i);
        } catch (EnvelopeException e) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException", "A stored batch of log group '"
                    + groupArn + "' failed authentication; it may have been tampered with.");
        }
    }
}
