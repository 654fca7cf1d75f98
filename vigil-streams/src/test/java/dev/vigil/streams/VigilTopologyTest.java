package dev.vigil.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology's logic on one partition, through Kafka Streams' own test driver (no broker). */
final class VigilTopologyTest {
  private static final Instant MONDAY = Instant.parse("2026-10-05T08:00:00Z");
  private TopologyTestDriver driver;
  private Instant driverStarted;
  private TestInputTopic<byte[], byte[]> input;
  private TestOutputTopic<String, String> assessments;
  private TestOutputTopic<String, String> alerts;
  private TestOutputTopic<String, String> blocked;
  private TestOutputTopic<String, String> networkFailures;

  @BeforeEach
  void startDriver() {
    driverStarted = Instant.now();
    Properties props = new Properties();
    props.put("application.id", "vigil-test");
    props.put("bootstrap.servers", "unused:9092");
    props.put("processing.guarantee", "exactly_once_v2");
    props.put("state.dir", StateDirectories.fresh("vigil-ttd").toString());
    StreamsSettings settings = StreamsSettings.defaults().withSnapshotEveryEvents(250)
        .withCrossPartition(CrossPartitionEvidence.ALL);
    driver = new TopologyTestDriver(VigilTopology.build(settings, "/vigil/streams/vigil-test"), props);
    input = driver.createInputTopic("security.login.events", new ByteArraySerializer(), new ByteArraySerializer());
    assessments = output(Topics.ASSESSMENTS);
    alerts = output(Topics.ALERTS);
    blocked = output(Topics.BLOCKED);
    networkFailures = output(Topics.NETWORK_FAILURES);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void assessesEveryEventAsThePlainEngineDoesWhenOnePartitionHoldsThemAll() {
    List<LoginEvent> events = SimulatedTraffic.events(3, 20, 7);
    VigilEngine plain = VigilEngine.builder().build();
    List<Assessment> expected = new ArrayList<>();
    for (LoginEvent event : events) {
      expected.add(plain.assess(event));
      send(SimulatedTraffic.json(event));
    }

    List<Assessment> actual = assessments.readValuesToList().stream().map(AssessmentJson::read).toList();

    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Assessment want = expected.get(i);
      Assessment got = actual.get(i);
      assertThat(got.eventId()).isEqualTo(want.eventId());
      assertThat(got.decision()).as("decision of %s", want.eventId()).isEqualTo(want.decision());
      assertThat(got.score()).as("score of %s", want.eventId()).isEqualTo(want.score());
      assertThat(got.signalTypes()).as("signals of %s", want.eventId()).isEqualTo(want.signalTypes());
    }
    assertThat(expected).hasSizeGreaterThan(300).anyMatch(Assessment::flagged);
  }

  /**
   * Records a producer keyed by tenant+user skip the by-user repartition (assessed on their input partition); the
   * answers must not depend on the path, also when the two kinds of record are mixed on one input.
   */
  @Test
  void assessesRecordsKeyedByUserInPlaceExactlyAsRecordsThatNeedReKeying() {
    List<LoginEvent> events = SimulatedTraffic.events(3, 20, 7);
    VigilEngine plain = VigilEngine.builder().build();
    List<Assessment> expected = new ArrayList<>();
    for (LoginEvent event : events) {
      expected.add(plain.assess(event));
      // Users with an even hash are keyed by their producer, the others not: each user keeps one path.
      byte[] key = event.userId().hashCode() % 2 == 0
          ? VigilTopology.userKey(event).getBytes(StandardCharsets.UTF_8) : null;
      input.pipeInput(key, SimulatedTraffic.json(event).getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Assessment> actual = new HashMap<>();
    assessments.readValuesToList().stream().map(AssessmentJson::read).forEach(a -> actual.put(a.eventId(), a));

    assertThat(actual).hasSameSizeAs(expected);
    for (Assessment want : expected) {
      Assessment got = actual.get(want.eventId());
      assertThat(got).as("assessment of %s", want.eventId()).isNotNull();
      assertThat(got.decision()).as("decision of %s", want.eventId()).isEqualTo(want.decision());
      assertThat(got.signalTypes()).as("signals of %s", want.eventId()).isEqualTo(want.signalTypes());
    }
  }

  /**
   * An assessment of an old login (a replay) must not carry the login's time as its record timestamp: the broker
   * would delete it with its segment as soon as it is written, being older than the topic's retention.
   */
  @Test
  void stampsAssessmentsWithTheTimeTheyAreWrittenNotTheLoginsSoRetentionKeepsReplayedHistory() {
    Instant longAgo = Instant.parse("2020-01-06T09:00:00Z");
    send(Logins.homeSuccess("e-old", "alice", longAgo));

    TestRecord<String, String> assessment = assessments.readRecord();
    assertThat(AssessmentJson.read(assessment.value()).timestamp()).isEqualTo(longAgo);
    assertThat(assessment.getRecordTime()).isAfterOrEqualTo(driverStarted);
  }

  @Test
  void sendsMalformedRecordToDeadLetterWithReasonAndOriginAndKeepsGoing() {
    TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    String badIp = Logins.homeSuccess("e-bad", "alice", MONDAY).replace("81.2.69.10", "999.1.1.1");

    send(badIp);
    send("not json at all");
    send(Logins.homeSuccess("e-good", "alice", MONDAY));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(badIp);
    assertThat(header(dead.get(0), DeadLetters.REASON)).startsWith("ip: ");
    assertThat(header(dead.get(0), DeadLetters.TOPIC)).isEqualTo("security.login.events");
    assertThat(header(dead.get(0), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(header(dead.get(1), DeadLetters.REASON)).startsWith("$: malformed JSON");
    assertThat(assessments.readValuesToList()).singleElement().asString().contains("\"eventId\":\"e-good\"");
  }

  @Test
  void assessesARepeatedEventIdOnce() {
    String login = Logins.homeSuccess("e-1", "alice", MONDAY);

    send(login);
    send(Logins.homeSuccess("e-2", "alice", MONDAY.plusSeconds(60)));
    send(login);

    assertThat(assessments.readValuesToList()).extracting(json -> AssessmentJson.read(json).eventId())
        .containsExactly("e-1", "e-2");
  }

  @Test
  void publishesDeniedLoginAsCloudEventOnBlockedTopic() {
    for (int day = 0; day < 5; day++) {
      send(Logins.homeSuccess("home-" + day, "alice", MONDAY.plus(Duration.ofDays(day))));
    }
    Instant attack = MONDAY.plus(Duration.ofDays(6));
    for (int i = 0; i < 8; i++) {
      send(Logins.attackerFailure("fail-" + i, "alice", attack.plusSeconds(20L * i), 7));
    }

    Map<String, Assessment> byEvent = new LinkedHashMap<>();
    assessments.readValuesToList().forEach(json -> {
      Assessment a = AssessmentJson.read(json);
      byEvent.put(a.eventId(), a);
    });
    List<String> denied = byEvent.values().stream().filter(a -> a.decision() == Decision.DENY)
        .map(Assessment::eventId).toList();
    // The brute force is denied from the fifth failure on (DESIGN.md §4: attack evidence may deny).
    assertThat(denied).contains("fail-4", "fail-7").doesNotContain("home-0");
    List<String> envelopes = blocked.readValuesToList();
    assertThat(envelopes).hasSize(denied.size());
    String last = envelopes.get(envelopes.size() - 1);
    assertThat(last)
        .contains("\"specversion\":\"1.0\"", "\"id\":\"acme/fail-7\"", "\"source\":\"/vigil/streams/vigil-test\"",
            "\"type\":\"dev.vigil.login.blocked\"", "\"time\":\"" + attack.plusSeconds(140) + "\"",
            "\"datacontenttype\":\"application/json\"", "\"data\":{\"eventId\":\"fail-7\"");
    assertThat(alerts.readValuesToList()).anyMatch(json -> json.contains("\"eventId\":\"fail-7\""));
  }

  @Test
  void countsFailuresPerNetworkAcrossUsersInEventTimeWindows() {
    Instant hour = Instant.parse("2026-10-05T10:00:00Z");
    for (int user = 0; user < 12; user++) {
      send(Logins.attackerFailure("spray-" + user, "user" + user, hour.plusSeconds(60L * user), 7 + user));
    }
    send(Logins.attackerFailure("next-hour", "user0", hour.plus(Duration.ofMinutes(70)), 7));
    // 70 minutes after the first window closed: beyond the 5-minute grace, so it no longer counts.
    send(Logins.attackerFailure("too-late", "user99", hour.plusSeconds(30), 7));

    Map<String, String> latest = new LinkedHashMap<>();
    networkFailures.readKeyValuesToList().forEach(kv -> latest.put(kv.value.substring(0, kv.value.indexOf("\"failures\"")), kv.value));
    assertThat(latest.values()).containsExactly(
        "{\"tenantId\":\"acme\",\"network\":\"185.153.176.0/24\",\"windowStart\":\"2026-10-05T10:00:00Z\","
            + "\"windowEnd\":\"2026-10-05T11:00:00Z\",\"failures\":12,\"unknownUserFailures\":0,\"distinctUsers\":12}",
        "{\"tenantId\":\"acme\",\"network\":\"185.153.176.0/24\",\"windowStart\":\"2026-10-05T11:00:00Z\","
            + "\"windowEnd\":\"2026-10-05T12:00:00Z\",\"failures\":1,\"unknownUserFailures\":0,\"distinctUsers\":1}");
  }

  @Test
  void refusesAnInputPatternThatWouldReadItsOwnBlockedEvents() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> StreamsSettings.defaults().withInputPattern(Pattern.compile("security\\.login\\..*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("security.login.blocked");
    assertThat(Topics.DEFAULT_INPUT.matcher("security.login.events").matches()).isTrue();
    assertThat(Topics.DEFAULT_INPUT.matcher("security.login.blocked").matches()).isFalse();
  }

  private void send(String json) {
    input.pipeInput(null, json.getBytes(StandardCharsets.UTF_8));
  }

  private TestOutputTopic<String, String> output(String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unused")
  private static LoginEvent parse(String json) {
    return LoginEventReader.lenientAboutTime().read(json);
  }
}
