package io.lockstream.query.route;

import io.lockstream.common.aws.Arns;
import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.JsonRequest;
import io.lockstream.common.http.Call;
import io.lockstream.common.http.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Kafka Streams interactive queries across instances: a read about a log group is served where that
 * group's partition of the store lives. The store is partitioned like {@code logs.sealed}, by group name,
 * so Kafka Streams' own metadata names the owner; reads it does not own are forwarded to it. Requests
 * already forwarded (made by the logs service principal) are always served locally, so nothing loops.
 */
public final class QueryRouter {
    private final KafkaStreams streams;
    private final String storeName;
    private final HostInfo self;
    private final ReadForwarder forwarder;

    /**
     * @param self this instance's advertised endpoint ({@code application.server})
     * @param forwarder how to reach other instances, or null when there is no identity to forward with
     */
    public QueryRouter(KafkaStreams streams, String storeName, HostInfo self, ReadForwarder forwarder) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = self;
        this.forwarder = forwarder;
    }

    /** The same operations, each routed to the owner of the group it reads. */
    public Map<String, Operation> route(Map<String, Operation> local) {
        Map<String, Operation> routed = new LinkedHashMap<>();
        local.forEach((name, op) -> routed.put(name, call -> dispatch(call, op)));
        return routed;
    }

    private com.fasterxml.jackson.databind.JsonNode dispatch(Call call, Operation local) {
        String group = groupOf(call.request());
        if (group == null || call.caller().isService()) {
            return local.handle(call);
        }
        KeyQueryMetadata md = streams.queryMetadataForKey(storeName, group, Serdes.String().serializer());
        if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException",
                    "The log event store is rebalancing; retry shortly.");
        }
        if (md.activeHost().equals(self)) {
            return local.handle(call);
        }
        if (forwarder == null) {
            throw AwsException.serviceUnavailable("ServiceUnavailableException", "This log group is served by "
                    + md.activeHost().host() + ":" + md.activeHost().port() + ", and this instance has no "
                    + "credentials of the logs service principal to forward the request with.");
        }
        return forwarder.forward(md.activeHost(), call.operation(), call.request().body());
    }

    /** The group a read names, by {@code logGroupName} or {@code logGroupIdentifier} (name or ARN); else null. */
    static String groupOf(JsonRequest r) {
        String name = r.body().path("logGroupName").isTextual() ? r.body().get("logGroupName").textValue() : null;
        if (name == null && r.body().path("logGroupIdentifier").isTextual()) {
            String id = r.body().get("logGroupIdentifier").textValue();
            name = id.startsWith("arn:") ? Arns.parseLogGroup(id).map(Arns.LogGroupArn::name).orElse(null) : id;
        }
        return name;
    }
}
