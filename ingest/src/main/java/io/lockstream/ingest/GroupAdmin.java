package io.lockstream.ingest;

import io.lockstream.common.aws.AwsException;
import io.lockstream.common.aws.Site;
import io.lockstream.common.envelope.TransitRecord;
import io.lockstream.common.kafka.Topics;
import io.lockstream.common.logs.GroupDirectory;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import java.time.Clock;
import io.lockstream.common.logs.LogsRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    synchronized void createGroup(String name, String kmsKeyArn, Map<String, String> tags) {
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

    synchronized void deleteGroup(String name) {
        directory.requireGroup(name);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (LogStream s : directory.streamsOf(name)) {
            records.add(new ProducerRecord<>(Topics.STREAMS, LogStream.key(name, s.name()), null));
        }
        records.add(new ProducerRecord<>(Topics.EVENTS, name, TransitRecord.groupDeleted()));
        records.add(new ProducerRecord<>(Topics.GROUPS, name, null));
        writer.write(records);
    }

    synchronized void associateKey(String name, String kmsKeyArn) {
        LogGroup group = directory.requireGroup(name);
        keyCheck.requireUsable(kmsKeyArn, group.arn());
        changeKey(group, kmsKeyArn);
    }

    synchronized void disassociateKey(String name) {
        changeKey(directory.requireGroup(name), null);
    }

    private void changeKey(LogGroup group, String kmsKeyArn) {
        writer.write(List.of(
                new ProducerRecord<>(Topics.GROUPS, group.name(), group.withKmsKeyId(kmsKeyArn).toBytes()),
                new ProducerRecord<>(Topics.EVENTS, group.name(), TransitRecord.keyChange(kmsKeyArn))));
    }

    synchronized void createStream(String group, String stream) {
        directory.requireGroup(group);
        if (directory.stream(group, stream).isPresent()) {
            throw new AwsException("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        LogStream s = new LogStream(group, stream, clock.millis());
        writer.write(List.of(new ProducerRecord<>(Topics.STREAMS, LogStream.key(group, stream), s.toBytes())));
    }

    /**
     * Deletes a stream's record. Its events stay in {@code logs.sealed} but are invisible at once (the stream
     * is gone, and a stream re-created later only shows events ingested after its new creation time) and
     * are purged from the query store by its retention punctuator (query/README.md).
     */
    synchronized void deleteStream(String group, String stream) {
        directory.requireStream(group, stream);
        writer.write(List.of(new ProducerRecord<>(Topics.STREAMS, LogStream.key(group, stream), null)));
    }

    /** PutRetentionPolicy / DeleteRetentionPolicy (null days = never expire). */
    synchronized void setRetention(String name, Integer days) {
        LogGroup group = directory.requireGroup(name);
        writer.write(List.of(new ProducerRecord<>(Topics.GROUPS, name, group.withRetentionInDays(days).toBytes())));
    }

    /** TagResource / TagLogGroup: adds or overwrites tags (at most 50 in all). */
    synchronized void tag(String name, Map<String, String> tags) {
        LogGroup group = directory.requireGroup(name);
        LogsRules.tags("tags", tags, group.tags(), name);
        Map<String, String> merged = new LinkedHashMap<>(group.tags());
        merged.putAll(tags);
        writer.write(List.of(new ProducerRecord<>(Topics.GROUPS, name, group.withTags(merged).toBytes())));
    }

    /** UntagResource / UntagLogGroup: removes the keys (absent keys are ignored). */
    synchronized void untag(String name, List<String> keys) {
        LogGroup group = directory.requireGroup(name);
        Map<String, String> left = new LinkedHashMap<>(group.tags());
        keys.forEach(left::remove);
        writer.write(List.of(new ProducerRecord<>(Topics.GROUPS, name, group.withTags(left).toBytes())));
    }

    Map<String, String> tags(String name) {
        return directory.requireGroup(name).tags();
    }
}
