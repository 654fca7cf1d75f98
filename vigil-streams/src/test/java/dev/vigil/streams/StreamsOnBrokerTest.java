package dev.vigil.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.signal.SignalType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Vigil Streams against a real broker (embedded KRaft, one node): two instances over six partitions, exactly once.
 * Assessments are read with {@code isolation.level=read_committed}, as a consumer of Vigil's output must.
 */
final class StreamsOnBrokerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(300);
  /** Signals that read other users' attempts: a task sees only its own users' share of them. */
  private static final Set<SignalType> CROSS_USER = EnumSet.of(SignalType.PASSWORD_SPRAY,
      SignalType.CREDENTIAL_STUFFING, SignalType.SUCCESS_AFTER_FAILURES, SignalType.ANOMALY);
  private static final int PACE_EVENTS = 25;
  private static final long PACE_PAUSE_MS = 150;
  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = BrokerTests.broker("security.login.eq", "security.login.drill");
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  /**
   * The same simulated week through the plain engine and through two instances on six partitions. Per-user signals
   * must agree; what may differ is what reads other users (each task's engine sees a sixth of the tenant), and the
   * differences are counted and written to {@code target/streams-equivalence.txt}.
   */
  @Test
  void decidesLikeThePlainEngineExceptWhereOtherUsersOnOtherPartitionsCount() throws Exception {
    List<LoginEvent> events = SimulatedTraffic.events(11, 200, 7);
    VigilEngine plain = VigilEngine.builder().build();
    Map<String, Assessment> expected = new LinkedHashMap<>();
    events.forEach(event -> expected.put(event.eventId(), plain.assess(event)));

    try (VigilStreams first = start("vigil-eq", "security\\.login\\.eq");
        VigilStreams second = start("vigil-eq", "security\\.login\\.eq")) {
      awaitRunning(first, second);
      try (KafkaProducer<String, byte[]> producer = BrokerTests.producer(broker.getBrokersAsString())) {
        // As logins arrive in life: in event-time order, a little at a time. A burst would let each input partition's
        // task run days ahead of the others, and the order in which a task sees the other partitions' logins is
        // the order in which the upstream tasks wrote them.
        for (int i = 0; i < events.size(); i++) {
          LoginEvent event = events.get(i);
          BrokerTests.send(producer, "security.login.eq", VigilTopology.userKey(event), SimulatedTraffic.json(event));
          if (i % PACE_EVENTS == PACE_EVENTS - 1) {
            producer.flush();
            Thread.sleep(PACE_PAUSE_MS);
          }
        }
        BrokerTests.send(producer, "security.login.eq", "x", "{\"userId\":\"no timestamp\"}");
        BrokerTests.send(producer, "security.login.eq", VigilTopology.userKey(events.get(0)),
            SimulatedTraffic.json(events.get(0)));
      }
      Map<String, Assessment> actual = assessedOnce(expected.keySet());

      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      Comparison comparison = Comparison.of(expected, actual);
      comparison.write(Path.of("target", "streams-equivalence.txt"), events.size());
      assertThat(comparison.unexplained()).as("decisions that differ without a cross-user signal").isEmpty();
      assertThat(BrokerTests.readCommitted(broker.getBrokersAsString(), Topics.DEAD_LETTER, PATIENCE,
          records -> !records.isEmpty())).hasSize(1);
      assertThat(topicConfig("vigil-eq-" + VigilTopology.SEEN_STORE + "-changelog",
          TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG))
          .as("seen ids stamped on append: retention must not delete ids of replayed old events at once")
          .isEqualTo("LogAppendTime");
    }
  }

  private static String topicConfig(String topic, String name) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }
  }

  /**
   * Two instances; one is killed with SIGKILL mid-stream (its own JVM: no close, no commit, a transaction left
   * open) while events keep coming. Every event is assessed exactly once in the committed output, and the dead
   * instance's users keep their profiles: a familiar login after the fail-over is allowed without novelty signals.
   */
  @Test
  void killedInstanceLosesNoEventAssessesNoneTwiceAndItsUsersKeepTheirProfiles() throws Exception {
    List<LoginEvent> events = SimulatedTraffic.events(13, 120, 7);
    int half = events.size() / 2;
    String bootstrap = broker.getBrokersAsString();
    Process doomed = startInOwnJvm("vigil-drill", "security\\.login\\.drill");
    try (VigilStreams survivor = start("vigil-drill", "security\\.login\\.drill");
        KafkaProducer<String, byte[]> producer = BrokerTests.producer(bootstrap)) {
      awaitRunning(survivor);
      awaitLine(doomed, "RUNNING");
      for (LoginEvent event : events.subList(0, half)) {
        BrokerTests.send(producer, "security.login.drill", VigilTopology.userKey(event), SimulatedTraffic.json(event));
      }
      producer.flush();
      Set<String> firstQuarter = new HashSet<>();
      events.subList(0, half / 2).forEach(event -> firstQuarter.add(event.eventId()));
      BrokerTests.readCommitted(bootstrap, Topics.ASSESSMENTS, PATIENCE, records -> {
        records.removeIf(r -> !firstQuarter.remove(AssessmentJson.read(r.value()).eventId()));
        return firstQuarter.isEmpty();
      });
      Set<Integer> survivorPartitions = userPartitions(survivor);

      doomed.destroyForcibly().waitFor();
      for (LoginEvent event : events.subList(half, events.size())) {
        BrokerTests.send(producer, "security.login.drill", VigilTopology.userKey(event), SimulatedTraffic.json(event));
      }
      VigilEngine plain = VigilEngine.builder().build();
      Map<String, Assessment> lastAllowed = new HashMap<>();
      events.forEach(event -> {
        Assessment a = plain.assess(event);
        if (event.isSuccess() && a.decision() == Decision.ALLOW) {
          lastAllowed.put(VigilTopology.userKey(event), a);
        }
      });
      Map<String, LoginEvent> familiar = familiarLogins(events, lastAllowed, plain);
      familiar.values().forEach(event -> BrokerTests.send(producer, "security.login.drill",
          VigilTopology.userKey(event), SimulatedTraffic.json(event)));
      producer.flush();

      Set<String> all = new HashSet<>();
      events.forEach(event -> all.add(event.eventId()));
      familiar.values().forEach(event -> all.add(event.eventId()));
      Map<String, Assessment> actual = assessedOnce(all);
      int onDeadInstance = 0;
      for (LoginEvent event : familiar.values()) {
        Assessment a = actual.get(event.eventId());
        assertThat(a.decision()).as("familiar login of a user after fail-over").isEqualTo(Decision.ALLOW);
        assertThat(a.signalTypes()).noneMatch(type -> type.name().startsWith("NEW_"));
        if (!survivorPartitions.contains(partitionOf(VigilTopology.userKey(event)))) {
          onDeadInstance++;
        }
      }
      assertThat(onDeadInstance).as("familiar logins of users whose task was on the killed instance")
          .isGreaterThan(5);
    } finally {
      doomed.destroyForcibly();
    }
  }

  /** For each user with an allowed success, the same login (place, device, hour) eight days later. */
  private static Map<String, LoginEvent> familiarLogins(List<LoginEvent> events, Map<String, Assessment> lastAllowed,
      VigilEngine plain) {
    Map<String, LoginEvent> byEvent = new HashMap<>();
    events.forEach(event -> byEvent.put(event.eventId(), event));
    Map<String, LoginEvent> familiar = new TreeMap<>();
    lastAllowed.forEach((user, assessment) -> {
      LoginEvent original = byEvent.get(assessment.eventId());
      LoginEvent again = new LoginEvent("familiar-" + original.eventId(), original.tenantId(), original.userId(),
          original.timestamp().plus(Duration.ofDays(8)), original.outcome(), null, original.ip(),
          original.userAgent(), original.deviceId(), original.geo(), original.authMethod(), null, Map.of(), Set.of());
      Assessment reference = plain.assess(again);
      // Only where the single engine itself sees nothing new: the drill tests restore, not the detectors.
      if (reference.decision() == Decision.ALLOW
          && reference.signalTypes().stream().noneMatch(t -> t.name().startsWith("NEW_"))) {
        familiar.put(user, again);
      }
    });
    return familiar;
  }

  /**
   * Reads the committed assessments of {@code eventIds} (the output topic is shared by the tests), polling one more
   * second after the last one arrived so that a late duplicate would be seen; asserts each appears exactly once.
   */
  private static Map<String, Assessment> assessedOnce(Set<String> eventIds) {
    Map<String, Assessment> byEvent = new HashMap<>();
    List<String> twice = new ArrayList<>();
    long[] complete = {0};
    BrokerTests.readCommitted(broker.getBrokersAsString(), Topics.ASSESSMENTS, PATIENCE, records -> {
      for (ConsumerRecord<String, String> record : records) {
        Assessment a = AssessmentJson.read(record.value());
        if (eventIds.contains(a.eventId()) && byEvent.put(a.eventId(), a) != null) {
          twice.add(a.eventId());
        }
      }
      records.clear();
      if (complete[0] == 0 && byEvent.size() >= eventIds.size()) {
        complete[0] = System.nanoTime();
      }
      return complete[0] != 0 && System.nanoTime() - complete[0] > 1_000_000_000L;
    });
    assertThat(twice).as("events assessed more than once").isEmpty();
    assertThat(byEvent.keySet()).as("events assessed").isEqualTo(eventIds);
    return byEvent;
  }

  private static VigilStreams start(String applicationId, String pattern) {
    StreamsConnection connection = new StreamsConnection(broker.getBrokersAsString(), applicationId,
        StateDirectories.fresh(applicationId), 1, BrokerTests.streamsOverrides());
    return VigilStreams.start(connection, BrokerTests.settings(pattern), 6, (short) 1);
  }

  private static Process startInOwnJvm(String applicationId, String pattern) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DrillInstance.class.getName(), broker.getBrokersAsString(), applicationId, pattern,
        StateDirectories.fresh(applicationId + "-doomed").toString())
        .redirectErrorStream(true).start();
  }

  private static void awaitLine(Process process, String line) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String read;
    while ((read = out.readLine()) != null) {
      if (read.equals(line)) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // discard the rest, so the child never blocks on a full pipe
            }
          } catch (IOException ignored) {
            // the child died: that is the drill
          }
        });
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new AssertionError("the drill instance ended before " + line);
  }

  private static void awaitRunning(VigilStreams... instances) throws InterruptedException {
    BrokerTests.await("instances running", PATIENCE, () -> {
      for (VigilStreams instance : instances) {
        if (instance.state() != KafkaStreams.State.RUNNING) {
          return false;
        }
      }
      return true;
    });
  }

  private static Set<Integer> userPartitions(VigilStreams instance) {
    Set<Integer> partitions = new HashSet<>();
    instance.kafkaStreams().metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task -> {
      for (TopicPartition partition : task.topicPartitions()) {
        if (partition.topic().endsWith("by-user-repartition")) {
          partitions.add(partition.partition());
        }
      }
    }));
    return partitions;
  }

  private static int partitionOf(String userKey) {
    return Utils.toPositive(Utils.murmur2(userKey.getBytes(StandardCharsets.UTF_8))) % 6;
  }

  /** The differences between the plain engine's and the Streams app's assessments, by kind. */
  private record Comparison(int decisionsDiffer, int scoresDiffer, Map<String, Integer> byDifferingSignal,
      List<String> unexplained) {
    static Comparison of(Map<String, Assessment> expected, Map<String, Assessment> actual) {
      int decisions = 0;
      int scores = 0;
      Map<String, Integer> bySignal = new TreeMap<>();
      List<String> unexplained = new ArrayList<>();
      // A user whose earlier login was scored differently may have learned differently since (a challenged or
      // doubted login teaches a fraction of a trusted one), so the first difference must be explained, later ones
      // may follow from it.
      Set<String> diverged = new HashSet<>();
      for (var entry : expected.entrySet()) {
        Assessment want = entry.getValue();
        Assessment got = actual.get(entry.getKey());
        String user = want.tenantId() + '\u0000' + want.userId();
        boolean divergedBefore = diverged.contains(user);
        scores += want.score() == got.score() ? 0 : 1;
        if (want.score() != got.score() || want.decision() != got.decision()) {
          diverged.add(user);
        }
        if (want.decision() == got.decision()) {
          continue;
        }
        decisions++;
        Set<SignalType> differing = EnumSet.noneOf(SignalType.class);
        differing.addAll(want.signalTypes());
        differing.addAll(got.signalTypes());
        Set<SignalType> common = EnumSet.copyOf(differing);
        common.retainAll(want.signalTypes());
        common.retainAll(got.signalTypes());
        differing.removeAll(common);
        String key = want.decision() + "->" + got.decision() + " " + differing;
        bySignal.merge(key, 1, Integer::sum);
        boolean explained = !differing.isEmpty() && CROSS_USER.containsAll(differing)
            || want.has(SignalType.ANOMALY) || got.has(SignalType.ANOMALY) || divergedBefore;
        if (!explained) {
          unexplained.add(entry.getKey() + ": " + want + " vs " + got);
        }
      }
      return new Comparison(decisions, scores, bySignal, unexplained);
    }

    void write(Path file, int events) throws IOException {
      StringBuilder text = new StringBuilder();
      text.append("events ").append(events).append(", measured ").append(Instant.now()).append('\n');
      text.append("decisions differing ").append(decisionsDiffer).append('\n');
      text.append("scores differing ").append(scoresDiffer).append('\n');
      byDifferingSignal.forEach((k, v) -> text.append("  ").append(v).append("  ").append(k).append('\n'));
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      System.out.print(text);
    }
  }
}
