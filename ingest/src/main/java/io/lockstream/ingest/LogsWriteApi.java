package io.lockstream.ingest;

import io.lockstream.common.aws.Site;
import io.lockstream.common.http.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write side and the group control plane of the CloudWatch Logs JSON 1.1 API
 * ({@code X-Amz-Target: Logs_20140328.<Operation>}); member names follow the Logs service model
 * (2014-03-28), see aws-wire.md §2.2. Split by concern: groups and keys ({@link GroupOps}), streams and
 * events ({@link StreamOps}), tags ({@link TagOps}). Reads, including DescribeLogGroups, are the query
 * service's.
 */
public final class LogsWriteApi {
    private final GroupOps groups;
    private final StreamOps streams;
    private final TagOps tags;

    LogsWriteApi(Site site, GroupAdmin admin, PutLogEvents putLogEvents) {
        this.groups = new GroupOps(site, admin);
        this.streams = new StreamOps(admin, putLogEvents);
        this.tags = new TagOps(site, admin);
    }

    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.putAll(groups.operations());
        ops.putAll(streams.operations());
        ops.putAll(tags.operations());
        return ops;
    }
}
