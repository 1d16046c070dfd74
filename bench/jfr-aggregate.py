import sys, re, collections, subprocess
f = sys.argv[1]
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", f], capture_output=True, text=True).stdout
events = out.split("jdk.ExecutionSample {")[1:]
threads = collections.Counter(); tops = collections.Counter(); incl = collections.Counter()
marks = {"AES-GCM (AesGcm/GaloisCounterMode)": ["GaloisCounterMode", "AesGcm."], "SealedBatch.seal": ["SealedBatch.seal"],
  "SealedBatch.parse/open": ["SealedBatch.parse", "SealedBatch$Opener"], "TransitRecord open": ["TransitRecord$Batch.open"],
  "EventBatch.decode/encode": ["EventBatch.decode", "EventBatch.encode"], "InsecurePlaintext encode": ["InsecurePlaintextBenchEnvelope"],
  "Jackson (JSON)": ["com.fasterxml.jackson"], "SigV4 verify": ["SigV4"], "PutLogEvents handler": ["PutLogEvents.put"],
  "GetLogEvents/EventScan": ["EventScan", "LogsReadApi"], "RocksDB": ["org.rocksdb"], "Kafka log append (broker)": ["UnifiedLog", "LogSegment", "kafka.log", "org.apache.kafka.storage"],
  "Kafka producer/record batch": ["MemoryRecordsBuilder", "RecordAccumulator", "DefaultRecord"], "CRC32C": ["Crc32C", "CRC32C"],
  "Streams commit/transactions": ["TaskExecutor.commit", "StreamsProducer.commitTransaction", "TaskManager.commit"],
  "HttpServer (sun.net.httpserver)": ["sun.net.httpserver"], "GC/arraycopy": ["System.arraycopy", "Arrays.copyOf"]}
n = 0
for e in events:
    m = re.search(r'sampledThread = "([^"]*)"', e)
    t = m.group(1) if m else "?"
    t = re.sub(r'[0-9a-f]{8}-[0-9a-f-]{27}', 'UUID', t); t = re.sub(r'\d+', 'N', t)
    frames = re.findall(r'^\s+([\w$.<>]+\([^)]*\))\s+line:', e, re.M)
    if not frames: continue
    st = re.search(r'startTime = (\d\d:\d\d:\d\d)', e)
    if len(sys.argv) > 4 and st and not (sys.argv[3] <= st.group(1) <= sys.argv[4]): continue
    if len(sys.argv) > 2 and any(x in "\n".join(frames) for x in sys.argv[2].split(",")): continue
    n += 1
    threads[t] += 1; tops[frames[0]] += 1
    joined = "\n".join(frames)
    for k, pats in marks.items():
        if any(p in joined for p in pats): incl[k] += 1
print("samples", n)
print("-- by thread"); [print(f"{c*100/n:5.1f}% {t}") for t, c in threads.most_common(14)]
print("-- inclusive"); [print(f"{c*100/n:5.1f}% {k}") for k, c in incl.most_common()]
print("-- top frames"); [print(f"{c*100/n:5.1f}% {t}") for t, c in tops.most_common(15)]
