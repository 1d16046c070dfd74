package io.lockstream.kms;

import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.kms.store.KeyStore;
import io.lockstream.kms.store.KmsAlias;
import io.lockstream.kms.store.KmsKey;
import java.util.regex.Pattern;

/** Turns the key identifiers AWS accepts into keys, with AWS's NotFoundException wording (aws-wire.md §4.1). */
final class KeyResolver {
    private static final Pattern KEY_ID = Pattern.compile("(mrk-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Site site;
    private final KeyStore store;

    KeyResolver(Site site, KeyStore store) {
        this.site = site;
        this.store = store;
    }

    /**
     * Resolves a key id, key ARN, alias name or alias ARN: the forms DescribeKey, Encrypt, Decrypt,
     * ReEncrypt, GenerateDataKey* and the signing/MAC operations accept (aws-wire.md §4.1).
     */
    KmsKey resolve(String keyIdOrAlias) {
        requirePresent(keyIdOrAlias);
        String aliasName = null;
        if (keyIdOrAlias.startsWith("alias/")) {
            aliasName = keyIdOrAlias;
        } else if (keyIdOrAlias.startsWith("arn:") && keyIdOrAlias.contains(":alias/")) {
            String prefix = "arn:aws:kms:" + site.region() + ":" + site.account() + ":";
            if (!keyIdOrAlias.startsWith(prefix)) {
                throw new AwsException("NotFoundException", "Alias " + keyIdOrAlias + " is not found.");
            }
            aliasName = keyIdOrAlias.substring(prefix.length());
        }
        if (aliasName != null) {
            String name = aliasName;
            KmsAlias alias = store.findAlias(name).orElseThrow(() -> new AwsException("NotFoundException",
                    "Alias " + Arns.alias(site.region(), site.account(), name) + " is not found."));
            return store.find(alias.targetKeyId()).orElseThrow(() -> notFound(site.keyArn(alias.targetKeyId())));
        }
        return resolveKey(keyIdOrAlias);
    }

    /**
     * Resolves a key id or key ARN only: the forms of the key management operations (GetKeyPolicy,
     * EnableKey, TagResource, CreateAlias TargetKeyId, ...; aws-wire.md §4.1).
     */
    KmsKey resolveKey(String keyIdOrArn) {
        requirePresent(keyIdOrArn);
        String keyId;
        if (keyIdOrArn.startsWith("arn:")) {
            Arns.KeyArn arn = Arns.parseKey(keyIdOrArn)
                    .orElseThrow(() -> new AwsException("NotFoundException", "Invalid arn"));
            if (!arn.region().equals(site.region())) {
                throw new AwsException("NotFoundException", "Invalid arn " + arn.region());
            }
            if (!arn.account().equals(site.account())) {
                throw notFound(keyIdOrArn);
            }
            keyId = arn.keyId();
        } else {
            keyId = keyIdOrArn;
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new AwsException("NotFoundException", "Invalid keyId '" + keyIdOrArn + "'");
        }
        return store.find(keyId).orElseThrow(() -> notFound(site.keyArn(keyId)));
    }

    private static void requirePresent(String id) {
        if (id == null || id.isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value null at 'keyId' failed to satisfy "
                    + "constraint: Member must not be null");
        }
    }

    static AwsException notFound(String arn) {
        return new AwsException("NotFoundException", "Key '" + arn + "' does not exist");
    }
}
