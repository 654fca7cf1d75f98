package dev.vigil.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One task's processor against its stores. A second processor on the same stores is what Kafka Streams builds when the
 * task moves to another instance (after restoring the stores from their changelogs) or after an aborted transaction.
 */
final class AssessmentProcessorTest {
  private static final StreamsSettings SETTINGS = StreamsSettings.defaults().withSnapshotEveryEvents(200)
      .withCrossPartition(CrossPartitionEvidence.ALL);
  private static final java.util.Set<dev.vigil.core.signal.SignalType> SOURCE_WINDOW_SIGNALS = java.util.EnumSet.of(
      dev.vigil.core.signal.SignalType.CREDENTIAL_STUFFING, dev.vigil.core.signal.SignalType.PASSWORD_SPRAY,
      dev.vigil.core.signal.SignalType.SUCCESS_AFTER_FAILURES);
  private MockProcessorContext<String, Assessed> context;
  /** Stands in for the seen-eventId window store, which outlives a processor as the real store outlives a task. */
  private final java.util.Set<String> seen = new java.util.HashSet<>();

  @BeforeEach
  void createStores() {
    java.util.Properties props = new java.util.Properties();
    props.put("application.id", "vigil-test");
    props.put("bootstrap.servers", "unused:9092");
    props.put("state.dir", StateDirectories.fresh("vigil-processor").toString());
    context = new MockProcessorContext<>(props);
    context.setCurrentSystemTimeMs(Instant.parse("2026-11-23T12:00:00Z").toEpochMilli()); // outputs are stamped with it
    KeyValueStore<String, byte[]> engine = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(VigilTopology.ENGINE_STORE), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    KeyValueStore<String, byte[]> networks = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(VigilTopology.NETWORK_VIEW_STORE), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    for (var store : List.of(engine, networks)) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
  }

  /**
   * Profiles, tenant statistics and everything else in the engine snapshot survive exactly. What does not is the
   * per-source activity (a snapshot leaves it out: its rules look back one hour), so for one hour of event time
   * after the restore only the source-window signals may differ; after that, every assessment is the same.
   */
  @Test
  void restoredTaskAssessesAsIfItHadNeverStoppedExceptSourceWindowsForOneHour() {
    List<LoginEvent> events = SimulatedTraffic.events(5, 30, 7);
    VigilEngine plain = VigilEngine.builder().build();
    List<Assessment> expected = events.stream().map(plain::assess).toList();
    int stop = events.size() * 3 / 5 + 17; // mid-journal: neither on a snapshot boundary nor at the end

    AssessmentProcessor before = processor();
    events.subList(0, stop).forEach(event -> process(before, event));
    context.resetForwards();
    AssessmentProcessor after = processor();
    events.subList(stop, events.size()).forEach(event -> process(after, event));

    List<Assessment> resumed = context.forwarded().stream().map(f -> f.record().value().assessment()).toList();
    assertThat(resumed).hasSize(events.size() - stop);
    Instant warm = events.get(stop).timestamp().plus(java.time.Duration.ofHours(1));
    int warmingDifferences = 0;
    for (int i = 0; i < resumed.size(); i++) {
      Assessment want = expected.get(stop + i);
      Assessment got = resumed.get(i);
      assertThat(got.eventId()).isEqualTo(want.eventId());
      if (want.timestamp().isBefore(warm)) {
        var differing = new java.util.HashSet<>(want.signalTypes());
        differing.removeAll(got.signalTypes());
        var extra = new java.util.HashSet<>(got.signalTypes());
        extra.removeAll(want.signalTypes());
        differing.addAll(extra);
        differing.remove(dev.vigil.core.signal.SignalType.ANOMALY); // follows the other signals' absence
        assertThat(differing).as("signals differing for %s", want.eventId()).isSubsetOf(SOURCE_WINDOW_SIGNALS);
        warmingDifferences += want.decision() == got.decision() ? 0 : 1;
      } else {
        assertThat(got.decision()).as("decision of %s", want.eventId()).isEqualTo(want.decision());
        assertThat(got.score()).as("score of %s", want.eventId()).isEqualTo(want.score());
      }
    }
    assertThat(warmingDifferences).isLessThanOrEqualTo(3);
  }

  @Test
  void restoredTaskStillRefusesAnEventIdItAssessedBeforeTheRestore() {
    String login = Logins.homeSuccess("e-1", "alice", Instant.parse("2026-10-05T08:00:00Z"));
    process(processor(), login);
    context.resetForwards();

    process(processor(), login);

    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void alertsOnFailureFromNetworkThatFailsAgainstManyUsersOnOtherPartitions() {
    Instant at = Instant.parse("2026-10-05T10:20:00Z");
    KeyValueStore<String, byte[]> networks = context.getStateStore(VigilTopology.NETWORK_VIEW_STORE);
    NetworkFailures window = NetworkFailures.empty();
    for (int user = 0; user < 12; user++) {
      window = window.plus(user, false);
    }
    networks.put("acme\u0000185.153.176.0/24", window.inWindow(Instant.parse("2026-10-05T10:00:00Z"),
        Instant.parse("2026-10-05T11:00:00Z")).toJson("acme", "185.153.176.0/24"));
    AssessmentProcessor processor = processor();

    process(processor, Logins.attackerFailure("one-try", "bob", at, 9));
    process(processor, Logins.event("elsewhere", "carol", at, "FAILURE", "BAD_PASSWORD", "81.2.69.10",
        Logins.BERLIN_GEO, null));

    var forwarded = context.forwarded();
    Assessed sprayed = forwarded.get(0).record().value();
    assertThat(sprayed.alert()).isTrue();
    assertThat(sprayed.network()).isNotNull().extracting(NetworkFailures::distinctUsers).isEqualTo(12);
    assertThat(new String(forwarded.get(0).record().headers().lastHeader(AssessmentProcessor.ALERT_REASON).value(),
        StandardCharsets.UTF_8)).isEqualTo("network-failures");
    assertThat(forwarded.get(1).record().value().network()).isNull();
  }

  /**
   * Logins of other partitions' users arrive on the {@code observed} topic: they are not assessed (nothing forwarded)
   * but count in the engine's source activity, so this task's user is flagged as one engine would flag them; and
   * they are journalled, so a restored task still counts them.
   */
  @Test
  void observedLoginsOfOtherPartitionsUsersCountAsSprayEvidenceAndSurviveARestore() {
    Instant start = Instant.parse("2026-10-05T10:00:00Z");
    AssessmentProcessor processor = processor();
    context.setRecordMetadata("vigil-test" + VigilTopology.OBSERVED_TOPIC_SUFFIX, 0, 0);
    for (int user = 0; user < 11; user++) {
      process(processor, Logins.attackerFailure("other-" + user, "other" + user,
          start.plus(java.time.Duration.ofMinutes(2L * user)), 9));
    }
    assertThat(context.forwarded()).isEmpty();
    context.setRecordMetadata("vigil-test-by-user-repartition", 0, 0);
    AssessmentProcessor restored = processor();

    process(restored, Logins.attackerFailure("mine", "bob", start.plus(java.time.Duration.ofMinutes(25)), 9));

    Assessment bob = context.forwarded().get(0).record().value().assessment();
    assertThat(bob.signalTypes()).contains(dev.vigil.core.signal.SignalType.PASSWORD_SPRAY);
    assertThat(restored).isNotSameAs(processor);
  }

  @Test
  void withoutTheObservedLoginsTheSameFailureIsNotASpray() {
    AssessmentProcessor processor = processor();

    process(processor, Logins.attackerFailure("mine", "bob", Instant.parse("2026-10-05T10:25:00Z"), 9));

    assertThat(context.forwarded().get(0).record().value().assessment().signalTypes())
        .doesNotContain(dev.vigil.core.signal.SignalType.PASSWORD_SPRAY);
  }

  private AssessmentProcessor processor() {
    AssessmentProcessor processor = new AssessmentProcessor(SETTINGS, c -> (tenant, id, time) -> seen.add(tenant + "/" + id));
    processor.init(context);
    return processor;
  }

  private static void process(AssessmentProcessor processor, LoginEvent event) {
    process(processor, SimulatedTraffic.json(event));
  }

  private static void process(AssessmentProcessor processor, String json) {
    LoginEvent event = dev.vigil.core.event.LoginEventReader.lenientAboutTime().read(json);
    processor.process(new Record<>(VigilTopology.userKey(event), json.getBytes(StandardCharsets.UTF_8),
        event.timestamp().toEpochMilli()));
  }
}
