package io.lockstream.common.kms;

import io.lockstream.common.aws.Site;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Well-known keys of the logs service. The default key's id is derived from the site, so every service
 * instance names the same key without configuration.
 */
public final class ServiceKeys {
    private ServiceKeys() {
    }

    /** Key id of the service's default key for log groups without a customer managed key. */
    public static String logsDefaultKeyId(Site site) {
        return UUID.nameUUIDFromBytes(("lockstream/logs-default/" + site.account() + "/" + site.region())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String logsDefaultKeyArn(Site site) {
        return site.keyArn(logsDefaultKeyId(site));
    }
}
