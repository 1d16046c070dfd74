package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Log group and log stream lifecycle. A key association is written to the group's record and, in the same
 * transaction, as an in-band record on the group's partition of {@code logs.events}: every batch
 * acknowledged after the call returns sits behind it in that partition, so the encryptor applies the new
 * key to exactly those events (DESIGN.md invariant 3).
 */
final class GroupAdmin {
    private final Site site;
    private final GroupDirectory directory;
    private final ControlWriter writer;
    private final KeyCheck keyCheck;
    private final Clock clock;

    GroupAdmin(Site site, GroupDirectory directory, ControlWriter writer, KeyCheck keyCheck, Clock clock) {
        this.site = site;
        this.directory = directory;
        this.writer = writer;
        this.keyCheck = keyCheck;
        this.clock = clock;
    }

    void createGroup(String name, String kmsKeyArn, Map<String, String> tags) {
        String arn = site.logGroupArn(name);
        if (directory.group(name).isPresent()) {
            throw new AwsException("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        if (kmsKeyArn != null) {
            keyCheck.requireUsable(kmsKeyArn, arn);
        }
        LogGroup group = new LogGroup(name, arn, clock.millis(), kmsKeyArn, null, tags);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.GROUPS, name, group.toBytes()));
        records.add(new ProducerRecord<>(Topics.EVENTS, name, TransitRecord.keyChange(kmsKeyArn)));
        writer.write(records);
    }

    void deleteGroup(String name) {
        directory.requireGroup(name);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (LogStream s : directory.streamsOf(name)) {
            records.add(new ProducerRecord<>(Topics.STREAMS, LogStream.key(name, s.name()), null));
        }
        records.add(new ProducerRecord<>(Topics.EVENTS, name, TransitRecord.groupDeleted()));
        records.add(new ProducerRecord<>(Topics.GROUPS, name, null));
        writer.write(records);
    }

    void associateKey(String name, String kmsKeyArn) {
        LogGroup group = directory.requireGroup(name);
        keyCheck.requireUsable(kmsKeyArn, group.arn());
        changeKey(group, kmsKeyArn);
    }

    void disassociateKey(String name) {
        changeKey(directory.requireGroup(name), null);
    }

    private void changeKey(LogGroup group, String kmsKeyArn) {
        writer.write(List.of(
                new ProducerRecord<>(Topics.GROUPS, group.name(), group.withKmsKeyId(kmsKeyArn).toBytes()),
                new ProducerRecord<>(Topics.EVENTS, group.name(), TransitRecord.keyChange(kmsKeyArn))));
    }

    void createStream(String group, String stream) {
        directory.requireGroup(group);
        if (directory.stream(group, stream).isPresent()) {
            throw new AwsException("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        LogStream s = new LogStream(group, stream, clock.millis());
        writer.write(List.of(new ProducerRecord<>(Topics.STREAMS, LogStream.key(group, stream), s.toBytes())));
    }
}
