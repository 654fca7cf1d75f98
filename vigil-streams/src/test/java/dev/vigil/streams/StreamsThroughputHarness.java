package dev.vigil.streams;

import dev.vigil.core.event.LoginEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Measures Vigil Streams on this machine with one embedded broker (docs/BENCHMARKS.md, "Kafka Streams"). Not a
 * test: run it with {@code vigil-streams/bench.sh [EVENTS] [USERS] [RATE] [COMMIT_MS] [ALL|FAILURES|NONE] [USER|OTHER]
 * [RECENT|AGED]}
 * (the last: input keyed as the owner function, so assessed in place, or keyed otherwise, so repartitioned).
 *
 * <ol>
 *   <li><b>Throughput</b>: EVENTS simulated events (USERS users, re-used with fresh eventIds when the simulation is
 *       shorter) are loaded into a 6-partition input topic first; then one instance with two stream threads starts,
 *       and the harness counts committed assessments (read_committed) until all are there. Rate = events / (time of
 *       the last assessment − start).
 *   <li><b>Latency</b>: with the backlog drained, events are produced at RATE per second for 20 s, each carrying its
 *       send time in a header that Kafka Streams copies onto the assessment; p50/p99/max of (commit visible − sent).
 * </ol>
 */
final class StreamsThroughputHarness {
  private static final String INPUT = "security.login.bench";
  private static final String SENT = "bench.sent-nanos";

  private static final Outputs OUTPUT = new Outputs();

  private StreamsThroughputHarness() {}

  /** The eventIds of the committed assessments read so far, and how many arrived more than once. */
  private static final class Outputs {
    private static final byte[] FIELD = "\"eventId\":\"".getBytes(StandardCharsets.UTF_8);
    private final java.util.Set<String> eventIds = new java.util.HashSet<>();
    private long duplicates;

    void add(ConsumerRecord<byte[], byte[]> record) {
      byte[] json = record.value();
      int start = indexOf(json, FIELD) + FIELD.length;
      int end = start;
      while (json[end] != '"') {
        end++;
      }
      if (!eventIds.add(new String(json, start, end - start, StandardCharsets.UTF_8))) {
        duplicates++;
      }
    }

    int distinct() {
      return eventIds.size();
    }

    private static int indexOf(byte[] json, byte[] field) {
      outer:
      for (int i = 0; i + field.length <= json.length; i++) {
        for (int j = 0; j < field.length; j++) {
          if (json[i + j] != field[j]) {
            continue outer;
          }
        }
        return i;
      }
      throw new IllegalStateException("an assessment without eventId");
    }
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int commitMillis = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    CrossPartitionEvidence cross = args.length > 4 ? CrossPartitionEvidence.valueOf(args[4]) : CrossPartitionEvidence.NONE;
    // USER: keyed tenant NUL user, as the topology's owner function (assessed in place); OTHER: keyed by the user id
    // alone, same spread over partitions but not the owner's key, so every event goes through the by-user topic.
    boolean keyedByUser = args.length <= 5 || args[5].equals("USER");
    Map<String, Object> overrides = new HashMap<>(Map.of("commit.interval.ms", commitMillis,
        "max.poll.records", 5_000, "producer.linger.ms", 20, "producer.batch.size", 262_144));
    // -Dbench.streams.<property>=<value> (BENCH_JAVA_OPTS in bench.sh) sets further Kafka Streams properties.
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.streams."))
        .forEach(name -> overrides.put(name.substring("bench.streams.".length()), System.getProperty(name)));
    System.out.printf(Locale.ROOT, "mode %s, input keyed %s, overrides %s%n", cross, keyedByUser ? "USER" : "OTHER",
        new java.util.TreeMap<>(overrides));
    // RECENT (default): event times moved so that the events (with the latency phase's) end an hour ago, as live
    // traffic would be;
    // AGED: the simulation's own times (from 2026-10-01), a replay of history. Record timestamps follow event time
    // into the changelogs and repartition topics, and the broker rolls a new segment on every append to a topic
    // whose records are older than its segment.ms (7 days; 10 minutes for repartition topics).
    boolean recent = args.length <= 6 || args[6].equals("RECENT");
    List<LoginEvent> simulated = SimulatedTraffic.events(21, users, 30);
    if (recent) {
      // The last event of the latency phase too: a broker refuses timestamps more than an hour ahead.
      Duration shift = Duration.between(simulated.get(Math.min(events + rate * 20, simulated.size()) - 1).timestamp(),
          java.time.Instant.now().minus(Duration.ofHours(1)));
      simulated = simulated.stream().map(e -> new LoginEvent(e.eventId(), e.tenantId(), e.userId(),
          e.timestamp().plus(shift), e.outcome(), e.failureReason(), e.ip(), e.userAgent(), e.deviceId(), e.geo(),
          e.authMethod(), e.sessionId(), e.attributes(), e.truncatedFields())).toList();
    }
    System.out.printf(Locale.ROOT, "event times %s%n", recent ? "RECENT" : "AGED");
    System.out.printf(Locale.ROOT, "simulated %,d events of %,d users; loading %,d%n", simulated.size(), users, events);
    EmbeddedKafkaKraftBroker broker = BrokerTests.broker(INPUT);
    String bootstrap = broker.getBrokersAsString();
    try (KafkaProducer<String, byte[]> producer = BrokerTests.producer(bootstrap)) {
      for (int i = 0; i < events; i++) {
        send(producer, simulated, i, false, keyedByUser);
      }
      producer.flush();
    }
    var connection = new StreamsConnection(bootstrap, "vigil-bench", StateDirectories.fresh("vigil-bench"), 2,
        overrides);
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStarted = os.getProcessCpuTime();
    long started = System.nanoTime();
    try (VigilStreams instance = VigilStreams.start(connection,
        StreamsSettings.defaults().withInputPattern(java.util.regex.Pattern.compile("security\\.login\\.bench"))
            .withCrossPartition(cross), 6,
        (short) 1);
        KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      long firstAt = 0;
      long lastAt = 0;
      while (OUTPUT.distinct() < events) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          lastAt = System.nanoTime();
          firstAt = firstAt == 0 ? lastAt : firstAt;
          records.forEach(OUTPUT::add);
        }
        if (instance.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("streams failed");
        }
      }
      long cpu = os.getProcessCpuTime() - cpuStarted;
      double fromStart = (lastAt - started) / 1e9;
      double fromFirst = (lastAt - firstAt) / 1e9;
      System.out.printf(Locale.ROOT, "throughput: %,d events in %.1f s from start (%,.0f events/s); "
              + "%.1f s from the first assessment (%,.0f events/s)%n",
          events, fromStart, events / fromStart, fromFirst, events / fromFirst);
      // Broker, Streams app and reader share this JVM: its CPU time per event is the whole pipeline's cost, whatever
      // the other processes on the machine do (they stretch the wall clock, not this).
      System.out.printf(Locale.ROOT, "cpu: %.1f s of this JVM for the throughput phase = %.0f µs per event "
              + "(%,.0f events/s if %d cores were ours alone)%n", cpu / 1e9, cpu / 1e3 / events,
          events / (cpu / 1e9) * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
      latency(bootstrap, simulated, events, rate, consumer, keyedByUser);
      // A few more seconds, so that a late duplicate would be counted too.
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(OUTPUT::add);
      }
      System.out.printf(Locale.ROOT, "read_committed assessments: %,d distinct eventIds, %,d duplicates%n",
          OUTPUT.distinct(), OUTPUT.duplicates);
    } finally {
      broker.destroy();
    }
  }

  private static void latency(String bootstrap, List<LoginEvent> simulated, int offset, int rate,
      KafkaConsumer<byte[], byte[]> consumer, boolean keyedByUser) throws InterruptedException {
    int total = rate * 20;
    long[] latencies = new long[total];
    int[] count = {0};
    AtomicBoolean done = new AtomicBoolean();
    Thread producing = new Thread(() -> {
      try (KafkaProducer<String, byte[]> producer = BrokerTests.producer(bootstrap)) {
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
          long due = start + i * 1_000_000_000L / rate;
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
          send(producer, simulated, offset + i, true, keyedByUser);
        }
      }
      done.set(true);
    });
    producing.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (count[0] < total && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        OUTPUT.add(record);
        Header sent = record.headers().lastHeader(SENT);
        if (sent != null && count[0] < total) {
          latencies[count[0]++] = System.nanoTime() - ByteBuffer.wrap(sent.value()).getLong();
        }
      }
    }
    producing.join();
    long[] measured = Arrays.copyOf(latencies, count[0]);
    Arrays.sort(measured);
    System.out.printf(Locale.ROOT, "latency at %,d events/s for 20 s (%,d measured): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        rate, measured.length, percentile(measured, 0.50), percentile(measured, 0.99),
        measured[measured.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** Event {@code i}: the simulation's event {@code i mod size}, under a fresh eventId and shifted by whole laps. */
  private static void send(KafkaProducer<String, byte[]> producer, List<LoginEvent> simulated, int i, boolean stamp,
      boolean keyedByUser) {
    LoginEvent base = simulated.get(i % simulated.size());
    int lap = i / simulated.size();
    LoginEvent event = new LoginEvent("b" + i, base.tenantId(), base.userId(),
        base.timestamp().plus(Duration.ofDays(30L * lap)), base.outcome(), base.failureReason(), base.ip(),
        base.userAgent(), base.deviceId(), base.geo(), base.authMethod(), base.sessionId(), base.attributes(),
        base.truncatedFields());
    var record = new ProducerRecord<>(INPUT, keyedByUser ? VigilTopology.userKey(event) : event.userId(),
        SimulatedTraffic.json(event).getBytes(StandardCharsets.UTF_8));
    if (stamp) {
      record.headers().add(SENT, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
    }
    producer.send(record);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", "bench-reader");
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    props.put("max.poll.records", 5_000);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    consumer.subscribe(List.of(Topics.ASSESSMENTS));
    return consumer;
  }
}
