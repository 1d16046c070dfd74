package io.lockstream.ingest;

import io.lockstream.common.aws.Site;
import io.lockstream.common.http.Operation;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kms.KeyService;
import io.lockstream.common.kms.ServiceKeys;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.metrics.LockstreamMetrics;
import java.time.Clock;
import java.util.Map;

/**
 * The ingest service: the CloudWatch Logs write API and group control plane, writing to Kafka. It never
 * writes a plaintext event: batches are sealed for transit before they leave the process.
 */
public final class IngestService implements AutoCloseable {
    private final ControlWriter controlWriter;
    private final EventWriter eventWriter;
    private final LogsWriteApi api;
    private final KeyGate keyGate;

    public IngestService(Site site, KafkaSettings kafka, KeyService keys, GroupDirectory directory, Clock clock) {
        this(site, kafka, keys, directory, clock, LockstreamMetrics.noop());
    }

    /** As above, reporting events ingested and the key gate's and transit keys' caches to {@code metrics}. */
    public IngestService(Site site, KafkaSettings kafka, KeyService keys, GroupDirectory directory, Clock clock,
                         LockstreamMetrics metrics) {
        this.controlWriter = new ControlWriter(kafka, directory);
        this.eventWriter = new EventWriter(kafka, new TransitKeys(keys, ServiceKeys.logsDefaultKeyArn(site), metrics));
        KeyCheck keyCheck = new KeyCheck(keys);
        this.keyGate = new KeyGate(keyCheck, metrics);
        GroupAdmin admin = new GroupAdmin(site, directory, controlWriter, keyCheck, clock);
        this.api = new LogsWriteApi(site, admin, new PutLogEvents(directory, eventWriter, keyGate, clock, metrics));
    }

    /** The {@code Logs_20140328} operations this service serves. */
    public Map<String, Operation> operations() {
        return api.operations();
    }

    /** A KMS key changed (state, policy): decide again whether events may be accepted under it. */
    public void onKeyChanged(String keyArn) {
        keyGate.invalidateKey(keyArn);
    }

    @Override
    public void close() {
        eventWriter.close();
        controlWriter.close();
    }
}
