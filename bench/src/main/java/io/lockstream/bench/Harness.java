package io.lockstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lockstream.common.envelope.InsecurePlaintextBenchEnvelope;
import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.kafka.KafkaSettings;
import io.lockstream.common.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-to-end harness (issue 5, item 6). In one run, side by side: a bare Kafka producer on the same
 * broker, the encrypted pipeline (signed PutLogEvents until every acknowledged event is readable through
 * GetLogEvents), reading back, latency at half of the maximum rate, revocation, and the same pipeline with
 * encryption switched off through the bench-only {@code InsecureBenchOnly} token, each pipeline in its own server JVM ({@link BenchServer}).
 */
final class Harness {
    static final String REGION = "us-west-2";
    static final String ACCOUNT = "123456789012";
    private static final String FILLER;

    static {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 70_000) {
            sb.append("lorem ipsum dolor sit amet consectetur adipiscing elit 0123456789 ");
        }
        FILLER = sb.toString();
    }

    /** Command-line options. */
    static final class Options {
        int seconds = 10;
        String out;
        String endpoint;
        String bootstrap;
        int groups = 8;
        int writers = 8;
        int batch = 1000;
        int eventBytes = 200;
        int revocations = 5;
        boolean insecure = true;
        int partitions = 4;
        int rounds = 3;
        int serverPid;
        List<String> serverJvmOpts = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--seconds" -> o.seconds = Integer.parseInt(args[++i]);
                    case "--out" -> o.out = args[++i];
                    case "--endpoint" -> o.endpoint = args[++i];
                    case "--bootstrap" -> o.bootstrap = args[++i];
                    case "--groups" -> o.groups = Integer.parseInt(args[++i]);
                    case "--writers" -> o.writers = Integer.parseInt(args[++i]);
                    case "--batch" -> o.batch = Integer.parseInt(args[++i]);
                    case "--event-bytes" -> o.eventBytes = Integer.parseInt(args[++i]);
                    case "--revocations" -> o.revocations = Integer.parseInt(args[++i]);
                    case "--partitions" -> o.partitions = Integer.parseInt(args[++i]);
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--server-pid" -> o.serverPid = Integer.parseInt(args[++i]);
                    case "--server-jvm-opts" -> o.serverJvmOpts = List.of(args[++i].trim().split("\\s+"));
                    case "--no-unencrypted" -> o.insecure = false;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            if (o.eventBytes < 32) {
                throw new IllegalArgumentException("--event-bytes must be at least 32");
            }
            return o;
        }
    }

    static final String USAGE = """
            java -jar lockstream-bench.jar [--seconds N] [--rounds R] [--out FILE.json] [--groups G] [--writers W]
                [--batch EVENTS] [--event-bytes B] [--revocations R] [--partitions P] [--no-unencrypted]
                [--server-jvm-opts "-Xmx..."] [--endpoint URL --bootstrap HOST:PORT [--server-pid PID]]
              --seconds is per measured phase; each of R rounds runs baseline, encrypted, unencrypted.
            java -jar lockstream-bench.jar jmh [JMH options]   (micro-benchmarks; -h for JMH's help)""";

    /** One log stream written by one writer thread, sequentially. */
    static final class Target {
        final String group;
        final String stream;
        final AtomicLong nextSeq = new AtomicLong();
        volatile long lastAckedSeq = -1;
        final AtomicLong ackedEvents = new AtomicLong();

        Target(String group, String stream) {
            this.group = group;
            this.stream = stream;
        }
    }

    /** What a load phase measured. */
    record Load(long ackedEvents, long batches, long errors, double seconds, List<Double> ackMs,
                List<Double> perSecondRates, long startNanos, Map<String, Long> kmsCalls) {
    }

    private final Options o;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, String> reasons = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String[]> table = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    private final LongAdder progressEvents = new LongAdder();
    private volatile String phase = "start";
    private volatile double maxRssMb;
    private volatile int encryptedPid;
    private volatile int plainPid;
    private volatile double maxPlainRssMb;

    Harness(Options o) {
        this.o = o;
    }

    void run() throws Exception {
        boolean inProcess = o.endpoint == null;
        Thread progress = progressThread();
        progress.start();
        json.put("run_id", runId);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("seconds_per_phase", o.seconds);
        cfg.put("rounds", o.rounds);
        cfg.put("groups", o.groups);
        cfg.put("writers", o.writers);
        cfg.put("batch", o.batch);
        cfg.put("event_bytes", o.eventBytes);
        cfg.put("partitions", o.partitions);
        cfg.put("in_process", inProcess);
        cfg.put("cores", Runtime.getRuntime().availableProcessors());
        cfg.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        json.put("config", cfg);

        // Both pipelines run side by side for the whole run (each with its own embedded broker), and the
        // rounds alternate their order, so that load from anything else on the machine hits both alike.
        ChildServer ls = null;
        ChildServer plain = null;
        try {
            phase = "start";
            ls = inProcess ? new ChildServer("encrypted", o.partitions, o.serverJvmOpts, Path.of("bench-server-encrypted.log"))
                    : null;
            encryptedPid = inProcess ? ls.pid : o.serverPid;
            String endpoint = inProcess ? ls.endpoint : o.endpoint;
            String bootstrap = inProcess ? ls.bootstrap : o.bootstrap;
            SignedClient client = new SignedClient(endpoint, REGION, "test", "test", o.writers + 4);
            List<Target> targets = setup(client, "enc", o.groups, o.writers);
            SignedClient plainClient = null;
            List<Target> plainTargets = null;
            if (inProcess && o.insecure) {
                phase = "start-unencrypted";
                plain = new ChildServer("insecure", o.partitions, o.serverJvmOpts, Path.of("bench-server-insecure.log"));
                plainPid = plain.pid;
                plainClient = new SignedClient(plain.endpoint, REGION, "test", "test", o.writers + 4);
                plainTargets = setup(plainClient, "plain", o.groups, o.writers);
            } else {
                reasons.put("unencrypted_events_per_s", inProcess ? "--no-unencrypted"
                        : "the insecure pipeline is only ever started by this harness (BenchServer), never through a deployment's config");
            }
            int warm = Math.max(3, Math.min(10, o.seconds / 2));
            phase = "warm-up";
            runLoad(client, targets, warm, 0, ls);
            awaitReadable(client, targets, 60);
            if (plain != null) {
                phase = "warm-up-unencrypted";
                runLoad(plainClient, plainTargets, warm, 0, plain);
                awaitReadable(plainClient, plainTargets, 60);
            }
            String baselineTopic = null;
            if (bootstrap != null) {
                baselineTopic = createBaselineTopic(bootstrap);
            } else {
                reasons.put("baseline_producer_records_per_s", "no --bootstrap given for a remote --endpoint");
            }

            List<Double> base = new ArrayList<>();
            List<Double> baseMed = new ArrayList<>();
            List<Double> enc = new ArrayList<>();
            List<Double> encAckMed = new ArrayList<>();
            List<Double> un = new ArrayList<>();
            List<Double> unAckMed = new ArrayList<>();
            List<Double> rEncBase = new ArrayList<>();
            List<Double> rEncUn = new ArrayList<>();
            List<Double> ackMs = new ArrayList<>();
            List<Double> drains = new ArrayList<>();
            List<Double> plainDrains = new ArrayList<>();
            long kmsCalls = 0;
            long kmsEvents = 0;
            long errors = 0;
            for (int r = 0; r < o.rounds; r++) {
                List<String> order = r % 2 == 0 ? List.of("baseline", "encrypted", "unencrypted")
                        : List.of("unencrypted", "encrypted", "baseline");
                Double b = null;
                Double e = null;
                Double u = null;
                for (String what : order) {
                    phase = "r" + (r + 1) + " " + what;
                    if (what.equals("baseline") && baselineTopic != null) {
                        double[] br = baselineProducer(bootstrap, baselineTopic, r == 0);
                        b = br[0];
                        base.add(br[0]);
                        baseMed.add(br[1]);
                    } else if (what.equals("encrypted")) {
                        Load l = runLoad(client, targets, o.seconds, 0, ls);
                        double readableAt = awaitReadable(client, targets, 120);
                        errors += l.errors();
                        ackMs.addAll(l.ackMs());
                        encAckMed.add(Stats.median(l.perSecondRates()));
                        if (readableAt > 0) {
                            e = l.ackedEvents() / ((readableAt - l.startNanos()) / 1e9);
                            enc.add(e);
                            drains.add((readableAt - l.startNanos()) / 1e9 - l.seconds());
                        }
                        if (ls != null) {
                            kmsCalls += ls.keyServiceCalls() - l.kmsCalls().get("mid");
                            kmsEvents += l.ackedEvents() - l.kmsCalls().get("midEvents");
                        }
                    } else if (what.equals("unencrypted") && plain != null) {
                        Load l = runLoad(plainClient, plainTargets, o.seconds, 0, plain);
                        double readableAt = awaitReadable(plainClient, plainTargets, 120);
                        unAckMed.add(Stats.median(l.perSecondRates()));
                        if (readableAt > 0) {
                            u = l.ackedEvents() / ((readableAt - l.startNanos()) / 1e9);
                            un.add(u);
                            plainDrains.add((readableAt - l.startNanos()) / 1e9 - l.seconds());
                        }
                    }
                }
                if (e != null && b != null) {
                    rEncBase.add(e / b);
                }
                if (e != null && u != null) {
                    rEncUn.add(e / u);
                }
                System.out.printf("%n  round %d: baseline %s rec/s, encrypted %s ev/s, unencrypted %s ev/s%n", r + 1,
                        Stats.round(b, 0), Stats.round(e, 0), Stats.round(u, 0));
            }
            json.put("baseline_producer_records_per_s", Stats.round(Stats.median(base), 0));
            json.put("baseline_producer_records_per_s_rounds", round(base));
            json.put("baseline_producer_records_per_s_median_1s", Stats.round(Stats.median(baseMed), 0));
            json.put("e2e_events_per_s", Stats.round(Stats.median(enc), 0));
            json.put("e2e_events_per_s_rounds", round(enc));
            json.put("e2e_ack_events_per_s_median_1s", Stats.round(Stats.median(encAckMed), 0));
            json.put("e2e_drain_seconds_rounds", round2(drains));
            json.put("e2e_errors", errors);
            json.put("unencrypted_events_per_s", Stats.round(Stats.median(un), 0));
            json.put("unencrypted_events_per_s_rounds", round(un));
            json.put("unencrypted_drain_seconds_rounds", round2(plainDrains));
            json.put("unencrypted_ack_events_per_s_median_1s", Stats.round(Stats.median(unAckMed), 0));
            json.put("ratio_e2e_vs_baseline_per_round", round3(rEncBase));
            json.put("ratio_encrypted_vs_unencrypted_per_round", round3(rEncUn));
            json.put("ack_p50_ms_at_max_rate", Stats.round(Stats.percentile(ackMs, 50), 1));
            json.put("ack_p99_ms_at_max_rate", Stats.round(Stats.percentile(ackMs, 99), 1));
            if (ls != null) {
                json.put("kms_calls_per_million_events", kmsEvents <= 0 ? null : Stats.round(kmsCalls * 1e6 / kmsEvents, 2));
                json.put("kms_calls_steady_state", kmsCalls);
                json.put("kms_calls_steady_state_events", kmsEvents);
                json.put("kms_calls_total_since_start", ls.keyServiceCalls());
            } else {
                json.put("kms_calls_per_million_events", null);
                reasons.put("kms_calls_per_million_events", "the key-service call counter is in-process only "
                        + "(Lockstream.keyServiceCalls); a remote --endpoint exposes none");
            }
            if (bootstrap != null) {
                phase = "stored-bytes";
                long[] sb = storedBytes(bootstrap);
                json.put("stored_bytes_per_event", sb[1] == 0 ? null : Stats.round((double) sb[0] / sb[1], 2));
                json.put("sealed_records_scanned", sb[2]);
                json.put("plaintext_records_found", sb[3]);
            } else {
                json.put("stored_bytes_per_event", null);
                reasons.put("stored_bytes_per_event", "needs --bootstrap to read logs.sealed");
            }
            json.put("plaintext_bytes_per_event", o.eventBytes);
            if (plain != null) {
                long[] sb = storedBytes(plain.bootstrap);
                json.put("unencrypted_stored_bytes_per_event", sb[4] == 0 ? null : Stats.round((double) sb[5] / sb[4], 2));
                json.put("unencrypted_plaintext_records", sb[3]);
            }

            // A failing phase (e.g. the server running out of memory) is recorded, and the run goes on.
            phase = "read";
            safely("query_events_per_s", () -> readAll(client, targets));
            phase = "half-rate";
            Double e2e = num("e2e_events_per_s");
            final ChildServer encServer = ls;
            if (e2e != null) {
                safely("ingest_to_query_p99_ms", () -> halfRate(client, targets, e2e / 2, encServer));
            }
            phase = "revocation";
            safely("revocation_p99_ms", () -> revocation(client));
        } finally {
            if (plain != null) {
                plain.close();
            }
            if (ls != null) {
                ls.close();
            }
        }
        if (encryptedPid > 0) {
            json.put("rss_mb", Stats.round(maxRssMb, 0));
            json.put("rss_note", "max VmRSS of the encrypted server process (embedded broker + all services), "
                    + "sampled every second; JVM options " + o.serverJvmOpts);
            json.put("unencrypted_server_rss_mb", plainPid > 0 ? Stats.round(maxPlainRssMb, 0) : null);
        } else {
            json.put("rss_mb", null);
            reasons.put("rss_mb", "pass --server-pid PID of the server to sample its RSS");
        }
        json.put("harness_jvm_rss_mb", Stats.round(Stats.rssMb(), 0));
        phase = "done";
        progress.interrupt();
        ratios();
        json.put("null_reasons", reasons);
        printTable();
        if (o.out != null) {
            SignedClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(o.out).toFile(), json);
            System.out.println("wrote " + o.out);
        }
    }

    interface Phase {
        void run() throws Exception;
    }

    private void safely(String metric, Phase p) {
        try {
            p.run();
        } catch (Exception | Error e) {
            System.out.println("\n  phase for " + metric + " failed: " + e);
            reasons.putIfAbsent(metric, "phase failed: " + e);
        }
    }

    private static List<Double> round(List<Double> v) {
        return v.stream().map(x -> Stats.round(x, 0)).toList();
    }

    private static List<Double> round2(List<Double> v) {
        return v.stream().map(x -> Stats.round(x, 2)).toList();
    }

    private static List<Double> round3(List<Double> v) {
        return v.stream().map(x -> Stats.round(x, 3)).toList();
    }


    // ------------------------------------------------------------------ setup

    /** Creates one customer managed key per group (policy: the logs principal, any group of the account). */
    private List<Target> setup(SignedClient c, String prefix, int groups, int writers) throws Exception {
        phase = "setup";
        List<Target> targets = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String group = "bench-" + runId + "-" + prefix + "-g" + g;
            String keyArn = createKey(c);
            c.must(c.logs("CreateLogGroup", Map.of("logGroupName", group, "kmsKeyId", keyArn)), "CreateLogGroup");
        }
        // Streams: at least one per group and per writer; each written by exactly one writer.
        int streams = Math.max(groups, writers);
        for (int s = 0; s < streams; s++) {
            String group = "bench-" + runId + "-" + prefix + "-g" + (s % groups);
            String stream = "w" + s;
            c.must(c.logs("CreateLogStream", Map.of("logGroupName", group, "logStreamName", stream)), "CreateLogStream");
            targets.add(new Target(group, stream));
        }
        return targets;
    }

    private String createKey(SignedClient c) throws Exception {
        JsonNode md = c.must(c.kms("CreateKey", Map.of("Description", "bench " + runId)), "CreateKey").get("KeyMetadata");
        String arn = md.get("Arn").asText();
        c.must(c.kms("PutKeyPolicy", Map.of("KeyId", arn, "PolicyName", "default", "Policy", policy())), "PutKeyPolicy");
        return arn;
    }

    static String policy() {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":["
                + "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs." + REGION + ".amazonaws.com\"},"
                + "\"Action\":[\"kms:Encrypt*\",\"kms:Decrypt*\",\"kms:ReEncrypt*\",\"kms:GenerateDataKey*\","
                + "\"kms:Describe*\"],\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{"
                + "\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:" + REGION + ":" + ACCOUNT + ":*\"}}}]}";
    }

    // ------------------------------------------------------------------ load

    private byte[] body(Target t, long seq, long ts, int events) {
        StringBuilder sb = new StringBuilder(events * (o.eventBytes + 40) + 200);
        sb.append("{\"logGroupName\":\"").append(t.group).append("\",\"logStreamName\":\"").append(t.stream)
                .append("\",\"logEvents\":[");
        for (int i = 0; i < events; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int at = sb.length();
            sb.append("{\"timestamp\":").append(ts).append(",\"message\":\"");
            int msgStart = sb.length();
            sb.append('b').append(seq).append('e').append(i).append(' ');
            int head = sb.length() - msgStart;
            sb.append(FILLER, at % 50, at % 50 + o.eventBytes - head);
            sb.append("\"}");
        }
        sb.append("]}");
        return SignedClient.utf8(sb.toString());
    }

    static String lastMessagePrefix(long seq, int batch) {
        return "b" + seq + "e" + (batch - 1) + " ";
    }

    /**
     * Closed-loop load (rate 0: as fast as acknowledged) or open-loop at {@code eventsPerSecond}: each
     * writer thread owns its streams and sends one batch at a time.
     */
    private Load runLoad(SignedClient c, List<Target> targets, double seconds, double eventsPerSecond, ChildServer ls)
            throws Exception {
        int writers = o.writers;
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder acked = new LongAdder();
        LongAdder batches = new LongAdder();
        LongAdder errors = new LongAdder();
        List<List<Double>> lat = new ArrayList<>();
        Map<String, String> firstError = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<Target> mine = new ArrayList<>();
            for (int i = w; i < targets.size(); i += writers) {
                mine.add(targets.get(i));
            }
            if (mine.isEmpty()) {
                continue;
            }
            List<Double> myLat = new ArrayList<>();
            lat.add(myLat);
            double intervalNanos = eventsPerSecond > 0 ? o.batch / (eventsPerSecond / writers) * 1e9 : 0;
            Thread t = new Thread(() -> {
                long k = 0;
                while (!stop.get()) {
                    if (intervalNanos > 0) {
                        long due = start + (long) (k * intervalNanos);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            if (stop.get()) {
                                break;
                            }
                        }
                    }
                    Target tg = mine.get((int) (k++ % mine.size()));
                    long seq = tg.nextSeq.getAndIncrement();
                    byte[] body = body(tg, seq, System.currentTimeMillis(), o.batch);
                    long t0 = System.nanoTime();
                    try {
                        SignedClient.Answer a = c.logs("PutLogEvents", body);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (a.ok()) {
                            tg.lastAckedSeq = seq;
                            tg.ackedEvents.addAndGet(o.batch);
                            acked.add(o.batch);
                            progressEvents.add(o.batch);
                            batches.increment();
                            myLat.add(ms);
                        } else {
                            errors.increment();
                            firstError.putIfAbsent("e", a.status() + " " + a.body());
                            Thread.sleep(50);
                        }
                    } catch (Exception e) {
                        errors.increment();
                        firstError.putIfAbsent("e", e.toString());
                        if (e instanceof InterruptedException) {
                            return;
                        }
                    }
                }
            }, "bench-writer-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        List<Double> perSecond = new ArrayList<>();
        long last = 0;
        Map<String, Long> kms = new LinkedHashMap<>();
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(Math.max(0, start + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            long now = acked.sum();
            perSecond.add((double) (now - last));
            last = now;
            if (s == (int) Math.ceil(seconds / 2.0) && ls != null) {
                kms.put("mid", ls.keyServiceCalls());
                kms.put("midEvents", now);
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!firstError.isEmpty()) {
            System.out.println("\n  first error in " + phase + ": " + firstError.get("e"));
        }
        List<Double> all = new ArrayList<>();
        lat.forEach(all::addAll);
        return new Load(acked.sum(), batches.sum(), errors.sum(), elapsed, all, perSecond, start, kms);
    }

    /** Waits until the last acknowledged event of every stream is readable; returns System.nanoTime() then, or -1. */
    private double awaitReadable(SignedClient c, List<Target> targets, int timeoutSeconds) throws Exception {
        String was = phase;
        phase = was + " (drain)";
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        List<Target> pending = new ArrayList<>(targets);
        pending.removeIf(t -> t.lastAckedSeq < 0);
        while (!pending.isEmpty()) {
            List<Target> still = new ArrayList<>();
            for (Target t : pending) {
                SignedClient.Answer a = c.logs("GetLogEvents", Map.of("logGroupName", t.group, "logStreamName",
                        t.stream, "limit", 1, "startFromHead", false));
                JsonNode ev = a.ok() ? a.body().get("events") : null;
                if (ev == null || ev.isEmpty()
                        || !ev.get(0).get("message").asText().startsWith(lastMessagePrefix(t.lastAckedSeq, o.batch))) {
                    still.add(t);
                }
            }
            pending = still;
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.println("\n  not readable after " + timeoutSeconds + " s: " + pending.size() + " streams");
                phase = was;
                return -1;
            }
            Thread.sleep(20);
        }
        phase = was;
        return System.nanoTime();
    }

    // ------------------------------------------------------------------ baseline producer

    private String createBaselineTopic(String bootstrap) throws Exception {
        String topic = "bench.baseline." + runId;
        try (Admin admin = Admin.create(new KafkaSettings(bootstrap, Map.of()).admin())) {
            admin.createTopics(List.of(new NewTopic(topic, o.partitions, (short) 1))).all().get();
        }
        return topic;
    }

    /** [records/s over the phase, median of 1-second rates]. */
    private double[] baselineProducer(String bootstrap, String topic, boolean warmUp) throws Exception {
        KafkaSettings ks = new KafkaSettings(bootstrap, Map.of());
        // The pipeline's own producer settings (acks=all, idempotent, linger 2 ms, 1 MiB batches).
        Properties p = ks.producer("bench-baseline");
        p.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        LongAdder acked = new LongAdder();
        LongAdder failed = new LongAdder();
        byte[] value = SignedClient.utf8(FILLER.substring(0, o.eventBytes));
        String[] keys = new String[o.groups];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "bench-" + runId + "-g" + i;
        }
        List<Double> perSecond = new ArrayList<>();
        long start;
        long end;
        // Never an unbounded flush(): under heavy machine load an idempotent producer can get stuck
        // retrying (OUT_OF_ORDER_SEQUENCE_NUMBER after a timed-out request); the phase must still end.
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p);
        try {
            if (warmUp) {
                LongAdder warm = new LongAdder();
                for (int i = 0; i < 100_000; i++) {
                    producer.send(new ProducerRecord<>(topic, keys[i % keys.length], value), (md, e) -> warm.increment());
                }
                long until = System.nanoTime() + 30_000_000_000L;
                while (warm.sum() < 100_000 && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
            }
            start = System.nanoTime();
            long deadline = start + o.seconds * 1_000_000_000L;
            long nextTick = start + 1_000_000_000L;
            long last = 0;
            long i = 0;
            while (System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, keys[(int) (i++ % keys.length)], value), (md, e) -> {
                    if (e == null) {
                        acked.increment();
                        progressEvents.increment();
                    } else {
                        failed.increment();
                    }
                });
                if ((i & 255) == 0 && System.nanoTime() >= nextTick) {
                    long now = acked.sum();
                    perSecond.add((double) (now - last));
                    last = now;
                    nextTick += 1_000_000_000L;
                }
            }
            long until = System.nanoTime() + 30_000_000_000L;
            while (acked.sum() + failed.sum() < i && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            end = System.nanoTime();
            if (acked.sum() + failed.sum() < i) {
                json.put("baseline_producer_unacknowledged", i - acked.sum() - failed.sum());
            }
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
        double rate = acked.sum() / ((end - start) / 1e9);
        if (failed.sum() > 0) {
            json.put("baseline_producer_failed", failed.sum());
        }
        Double med = Stats.median(perSecond);
        return new double[] {rate, med == null ? rate : med};
    }

    // ------------------------------------------------------------------ stored bytes

    /** [sealedBytes, sealedEvents, records, plaintextRecords, plaintextEvents, plaintextBytes] of logs.sealed. */
    private long[] storedBytes(String bootstrap) {
        Properties p = new KafkaSettings(bootstrap, Map.of()).viewConsumer("bench-stored-bytes");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long[] r = new long[6];
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.SEALED).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                boolean done = true;
                for (TopicPartition tp : parts) {
                    if (consumer.position(tp) < end.get(tp)) {
                        done = false;
                    }
                }
                if (done) {
                    break;
                }
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
                    byte[] v = rec.value();
                    if (v == null || rec.key() == null || !rec.key().startsWith("bench-" + runId)) {
                        continue;
                    }
                    r[2]++;
                    if (InsecurePlaintextBenchEnvelope.isInsecurePlaintext(v)) {
                        r[3]++;
                        r[4] += InsecurePlaintextBenchEnvelope.parseInsecure(v).events().size();
                        r[5] += v.length;
                    } else {
                        r[0] += v.length;
                        r[1] += SealedBatch.parse(v).size();
                    }
                }
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ read

    private void readAll(SignedClient c, List<Target> targets) throws Exception {
        long expected = targets.stream().mapToLong(t -> t.ackedEvents.get()).sum();
        LongAdder read = new LongAdder();
        LongAdder mismatched = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + Math.max(60, 2L * o.seconds) * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Target> queue = Collections.synchronizedList(new ArrayList<>(targets));
        AtomicBoolean timedOut = new AtomicBoolean();
        for (int w = 0; w < Math.min(4, targets.size()); w++) {
            Thread t = new Thread(() -> {
                while (true) {
                    Target tg;
                    synchronized (queue) {
                        if (queue.isEmpty()) {
                            return;
                        }
                        tg = queue.remove(0);
                    }
                    long n = 0;
                    String token = null;
                    try {
                        while (true) {
                            Map<String, Object> req = new LinkedHashMap<>(Map.of("logGroupName", tg.group,
                                    "logStreamName", tg.stream, "startFromHead", true, "limit", 10000));
                            if (token != null) {
                                req.put("nextToken", token);
                            }
                            JsonNode r = c.must(c.logs("GetLogEvents", req), "GetLogEvents");
                            int got = r.get("events").size();
                            n += got;
                            read.add(got);
                            progressEvents.add(got);
                            String next = r.get("nextForwardToken").asText();
                            if (got == 0 || next.equals(token)) {
                                break;
                            }
                            token = next;
                            if (System.nanoTime() > deadline) {
                                timedOut.set(true);
                                return;
                            }
                        }
                    } catch (Exception e) {
                        System.out.println("\n  read failed: " + e);
                        reasons.putIfAbsent("query_events_per_s", "a read failed: " + e
                                + " (see bench-server-encrypted.log)");
                        timedOut.set(true);
                        return;
                    }
                    if (n != tg.ackedEvents.get()) {
                        mismatched.increment();
                    }
                }
            }, "bench-reader-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        json.put("query_events_per_s", Stats.round(read.sum() / secs, 0));
        json.put("query_events_read", read.sum());
        json.put("query_all_acked_events_read", !timedOut.get() && mismatched.sum() == 0 && read.sum() == expected);
        if (timedOut.get()) {
            reasons.putIfAbsent("query_all_acked_events_read", "read-back stopped at its deadline ("
                    + Math.max(60, 2L * o.seconds) + " s) after " + read.sum() + " of " + expected + " events; "
                    + "query_events_per_s is the rate until then");
        }
        json.put("query_streams_with_count_mismatch", mismatched.sum());
    }

    // ------------------------------------------------------------------ half rate + ingest-to-readable probe

    private void halfRate(SignedClient c, List<Target> targets, double eventsPerSecond, ChildServer ls) throws Exception {
        String probeGroup = targets.get(0).group;
        c.must(c.logs("CreateLogStream", Map.of("logGroupName", probeGroup, "logStreamName", "probe")),
                "CreateLogStream");
        List<Double> probeMs = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder timeouts = new LongAdder();
        Thread prober = new Thread(() -> {
            long k = 0;
            while (!stop.get()) {
                try {
                    String msg = "probe-" + (k++);
                    byte[] body = SignedClient.utf8("{\"logGroupName\":\"" + probeGroup + "\",\"logStreamName\":\"probe\","
                            + "\"logEvents\":[{\"timestamp\":" + System.currentTimeMillis() + ",\"message\":\"" + msg
                            + "\"}]}");
                    SignedClient.Answer a = c.logs("PutLogEvents", body);
                    long acked = System.nanoTime();
                    if (!a.ok()) {
                        continue;
                    }
                    long giveUp = acked + 10_000_000_000L;
                    while (System.nanoTime() < giveUp) {
                        SignedClient.Answer r = c.logs("GetLogEvents", Map.of("logGroupName", probeGroup,
                                "logStreamName", "probe", "limit", 1, "startFromHead", false));
                        if (r.ok() && !r.body().get("events").isEmpty()
                                && r.body().get("events").get(0).get("message").asText().equals(msg)) {
                            probeMs.add((System.nanoTime() - acked) / 1e6);
                            break;
                        }
                        Thread.sleep(5);
                    }
                    if (System.nanoTime() >= giveUp) {
                        timeouts.increment();
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    timeouts.increment();
                }
            }
        }, "bench-prober");
        prober.setDaemon(true);
        prober.start();
        Load half = runLoad(c, targets, Math.max(10, o.seconds / 2), eventsPerSecond, ls);
        stop.set(true);
        prober.join(15_000);
        json.put("half_rate_target_events_per_s", Stats.round(eventsPerSecond, 0));
        json.put("half_rate_achieved_events_per_s", Stats.round(half.ackedEvents() / half.seconds(), 0));
        json.put("ack_p50_ms", Stats.round(Stats.percentile(half.ackMs(), 50), 1));
        json.put("ack_p99_ms", Stats.round(Stats.percentile(half.ackMs(), 99), 1));
        json.put("ingest_to_query_p50_ms", Stats.round(Stats.percentile(probeMs, 50), 1));
        json.put("ingest_to_query_p99_ms", Stats.round(Stats.percentile(probeMs, 99), 1));
        json.put("ingest_to_query_samples", probeMs.size());
        json.put("ingest_to_query_timeouts", timeouts.sum());
    }

    // ------------------------------------------------------------------ revocation

    private void revocation(SignedClient c) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < o.revocations; i++) {
            String keyArn = createKey(c);
            String group = "bench-" + runId + "-revoke-" + i;
            c.must(c.logs("CreateLogGroup", Map.of("logGroupName", group, "kmsKeyId", keyArn)), "CreateLogGroup");
            c.must(c.logs("CreateLogStream", Map.of("logGroupName", group, "logStreamName", "s")), "CreateLogStream");
            c.must(c.logs("PutLogEvents", SignedClient.utf8("{\"logGroupName\":\"" + group + "\",\"logStreamName\":\"s\","
                    + "\"logEvents\":[{\"timestamp\":" + System.currentTimeMillis() + ",\"message\":\"secret\"}]}")),
                    "PutLogEvents");
            Map<String, Object> get = Map.of("logGroupName", group, "logStreamName", "s", "startFromHead", true);
            long until = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < until) {
                SignedClient.Answer a = c.logs("GetLogEvents", get);
                if (a.ok() && !a.body().get("events").isEmpty()) {
                    break;
                }
                Thread.sleep(10);
            }
            long t0 = System.nanoTime();
            c.must(c.kms("DisableKey", Map.of("KeyId", keyArn)), "DisableKey");
            long giveUp = t0 + 30_000_000_000L;
            boolean refused = false;
            while (System.nanoTime() < giveUp) {
                SignedClient.Answer a = c.logs("GetLogEvents", get);
                if (!a.ok()) {
                    refused = true;
                    json.putIfAbsent("revocation_error", a.errorType());
                    break;
                }
                Thread.sleep(2);
            }
            ms.add(refused ? (System.nanoTime() - t0) / 1e6 : Double.POSITIVE_INFINITY);
        }
        json.put("revocation_samples_ms", ms.stream().map(v -> v.isInfinite() ? null : Stats.round(v, 1)).toList());
        json.put("revocation_p99_ms", ms.isEmpty() || ms.stream().anyMatch(v -> v.isInfinite()) ? null
                : Stats.round(Stats.percentile(ms, 99), 1));
        if (ms.stream().anyMatch(v -> v.isInfinite())) {
            reasons.put("revocation_p99_ms", "a read was still served 30 s after DisableKey");
        }
    }

    // ------------------------------------------------------------------ report

    private void ratios() {
        Double e2e = num("e2e_events_per_s");
        Map<String, Object> r = new LinkedHashMap<>();
        // Headline ratios: the median over rounds of the ratio measured within each round.
        r.put("e2e_vs_baseline_producer", medianOf("ratio_e2e_vs_baseline_per_round"));
        r.put("encrypted_vs_unencrypted", medianOf("ratio_encrypted_vs_unencrypted_per_round"));
        r.put("e2e_vs_baseline_producer_of_medians", Stats.ratio(e2e, num("baseline_producer_records_per_s")));
        r.put("encrypted_vs_unencrypted_of_medians", Stats.ratio(e2e, num("unencrypted_events_per_s")));
        r.put("encrypted_vs_unencrypted_ack_median_1s", Stats.ratio(num("e2e_ack_events_per_s_median_1s"),
                num("unencrypted_ack_events_per_s_median_1s")));
        r.put("ack_median_1s_vs_baseline_median_1s", Stats.ratio(num("e2e_ack_events_per_s_median_1s"),
                num("baseline_producer_records_per_s_median_1s")));
        r.put("query_vs_e2e", Stats.ratio(num("query_events_per_s"), e2e));
        Double stored = num("stored_bytes_per_event");
        r.put("stored_minus_plaintext_bytes", stored == null ? null : Stats.round(stored - o.eventBytes, 2));
        json.put("ratios", r);
    }

    @SuppressWarnings("unchecked")
    private Double medianOf(String key) {
        Object v = json.get(key);
        return v instanceof List<?> l && !l.isEmpty() ? Stats.round(Stats.median((List<Double>) l), 3) : null;
    }

    private Double num(String key) {
        Object v = json.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    @SuppressWarnings("unchecked")
    private void printTable() {
        Map<String, Object> r = (Map<String, Object>) json.get("ratios");
        row("metric", "value", "issue 5 target", "verdict");
        row("baseline_producer_records_per_s", json.get("baseline_producer_records_per_s"), "", "");
        row("e2e_events_per_s (ack -> readable)", json.get("e2e_events_per_s"), "", "");
        row("unencrypted_events_per_s", json.get("unencrypted_events_per_s"), "", "");
        row("e2e / baseline producer", r.get("e2e_vs_baseline_producer"), ">= 1.0", verdict(r.get("e2e_vs_baseline_producer"), 1.0, true));
        row("encrypted / unencrypted", r.get("encrypted_vs_unencrypted"), ">= 0.90", verdict(r.get("encrypted_vs_unencrypted"), 0.90, true));
        row("query_events_per_s", json.get("query_events_per_s"), "", "");
        row("query / e2e", r.get("query_vs_e2e"), ">= 0.5", verdict(r.get("query_vs_e2e"), 0.5, true));
        row("kms_calls_per_million_events", json.get("kms_calls_per_million_events"), "<= 1", verdict(json.get("kms_calls_per_million_events"), 1, false));
        row("stored_bytes_per_event", json.get("stored_bytes_per_event"), "<= " + (o.eventBytes + 40), verdict(json.get("stored_bytes_per_event"), o.eventBytes + 40, false));
        row("revocation_p99_ms", json.get("revocation_p99_ms"), "<= 1000", verdict(json.get("revocation_p99_ms"), 1000, false));
        row("ingest_to_query_p99_ms (half rate)", json.get("ingest_to_query_p99_ms"), "<= 500", verdict(json.get("ingest_to_query_p99_ms"), 500, false));
        row("ack_p50_ms / ack_p99_ms (half rate)", json.get("ack_p50_ms") + " / " + json.get("ack_p99_ms"), "", "");
        row("ack p50 / p99 ms (max rate)", json.get("ack_p50_ms_at_max_rate") + " / " + json.get("ack_p99_ms_at_max_rate"), "", "");
        row("rss_mb (max, server process)", json.get("rss_mb"), "<= 1024", verdict(json.get("rss_mb"), 1024, false));
        int w0 = table.stream().mapToInt(x -> x[0].length()).max().orElse(10);
        int w1 = table.stream().mapToInt(x -> x[1].length()).max().orElse(10);
        int w2 = table.stream().mapToInt(x -> x[2].length()).max().orElse(10);
        System.out.println();
        for (String[] row : table) {
            System.out.printf("| %-" + w0 + "s | %" + w1 + "s | %-" + w2 + "s | %s |%n", row[0], row[1], row[2], row[3]);
        }
        reasons.forEach((k, v) -> System.out.println("  null " + k + ": " + v));
    }

    private void row(String a, Object b, String c, String d) {
        table.add(new String[] {a, String.valueOf(b), c, d});
    }

    private static String verdict(Object v, double bound, boolean atLeast) {
        if (!(v instanceof Number n)) {
            return "n/a";
        }
        double x = n.doubleValue();
        boolean met = atLeast ? x >= bound : x <= bound;
        return met ? "met" : String.format("MISSED (%.2fx of target)", atLeast ? x / bound : x / bound);
    }

    private Thread progressThread() {
        Thread t = new Thread(() -> {
            long last = 0;
            long t0 = System.nanoTime();
            boolean tty = System.console() != null;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Double rss = encryptedPid > 0 ? Stats.rssMb(encryptedPid) : null;
                if (rss != null && rss > maxRssMb) {
                    maxRssMb = rss;
                }
                Double prss = plainPid > 0 ? Stats.rssMb(plainPid) : null;
                if (prss != null && prss > maxPlainRssMb) {
                    maxPlainRssMb = prss;
                }
                long now = progressEvents.sum();
                String line = String.format("[%6.1fs] %-28s %,12d items/s  rss %5.0f MiB (max %5.0f)",
                        (System.nanoTime() - t0) / 1e9, phase, now - last, rss == null ? 0 : rss, maxRssMb);
                last = now;
                System.out.print(tty ? "\r" + line : line + "\n");
                System.out.flush();
            }
        }, "bench-progress");
        t.setDaemon(true);
        return t;
    }
}
