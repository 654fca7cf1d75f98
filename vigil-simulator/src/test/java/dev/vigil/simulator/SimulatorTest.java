package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.event.LoginEventWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's output contract: deterministic, ordered, parseable, labelled one to one. */
final class SimulatorTest {

  @TempDir
  Path temp;

  @Test
  void sameSeedWritesByteIdenticalFiles() throws IOException {
    Simulator.run(Run.small(), temp.resolve("a"));
    Simulator.run(Run.small(), temp.resolve("b"));

    assertThat(Files.readAllBytes(temp.resolve("a/events.jsonl")))
        .isEqualTo(Files.readAllBytes(temp.resolve("b/events.jsonl")));
    assertThat(Files.readAllBytes(temp.resolve("a/labels.jsonl")))
        .isEqualTo(Files.readAllBytes(temp.resolve("b/labels.jsonl")));
  }

  @Test
  void differentSeedsTellDifferentStories() throws IOException {
    Simulator.run(Run.small().withSeed(1), temp.resolve("one"));
    Simulator.run(Run.small().withSeed(2), temp.resolve("two"));

    List<String> one = Files.readAllLines(temp.resolve("one/events.jsonl"));
    List<String> two = Files.readAllLines(temp.resolve("two/events.jsonl"));
    Set<String> shared = new HashSet<>(one);
    shared.retainAll(new HashSet<>(two));
    assertThat(shared).isEmpty();
  }

  @Test
  void eventsComeInTimestampOrderInsideTheWindow() {
    SimulationSettings settings = Run.small();
    Run run = Run.of(settings);

    for (int i = 1; i < run.size(); i++) {
      assertThat(run.events().get(i).timestamp()).isAfterOrEqualTo(run.events().get(i - 1).timestamp());
    }
    assertThat(run.events().get(0).timestamp()).isAfterOrEqualTo(settings.start());
    assertThat(run.events().get(run.size() - 1).timestamp()).isBefore(settings.end());
  }

  @Test
  void startInstantMovesTheWholeRun() {
    SimulationSettings later = Run.small().withStart(java.time.Instant.parse("2027-03-01T00:00:00Z"));

    Run run = Run.of(later);

    assertThat(run.events()).allSatisfy(event -> assertThat(event.timestamp())
        .isBetween(later.start(), later.end()));
  }

  @Test
  void everyLineIsTheContractAndReadsBackAsTheSameEvent() throws IOException {
    Run run = Run.of(Run.small());
    Simulator.run(Run.small(), temp);

    List<String> lines = Files.readAllLines(temp.resolve("events.jsonl"));
    assertThat(lines).hasSize(run.size());
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    for (int i = 0; i < lines.size(); i++) {
      LoginEvent event = run.events().get(i);
      // The file is exactly what the contract's own writer makes, and the contract's reader accepts it.
      assertThat(lines.get(i)).isEqualTo(LoginEventWriter.toJson(event));
      assertThat(reader.read(lines.get(i))).isEqualTo(event);
    }
  }

  @Test
  void labelFileAlignsLineByLineWithEventFile() throws IOException {
    SimulationSummary summary = Simulator.run(Run.small(), temp);

    List<String> events = Files.readAllLines(temp.resolve("events.jsonl"));
    List<String> labels = Files.readAllLines(temp.resolve("labels.jsonl"));
    assertThat(labels).hasSize(events.size()).hasSize((int) summary.events());
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    for (int i = 0; i < events.size(); i++) {
      LoginEvent event = reader.read(events.get(i));
      assertThat(labels.get(i))
          .startsWith("{\"eventId\":\"" + event.eventId() + "\",\"label\":\"")
          .contains("\"userId\":\"" + event.userId() + "\"")
          .endsWith("\"tenantId\":\"" + event.tenantId() + "\",\"userId\":\"" + event.userId() + "\",\"outcome\":\""
              + event.outcome() + "\"}");
    }
  }

  @Test
  void legitimateLabelsCarryNoAttackFieldsAndAttackLabelsCarryACampaign() throws IOException {
    Simulator.run(Run.small(), temp);

    List<String> labels = Files.readAllLines(temp.resolve("labels.jsonl"));
    assertThat(labels).anySatisfy(line -> assertThat(line).contains(
        "\"label\":\"legit\",\"attackType\":null,\"attackerModel\":null,\"campaignId\":null"));
    assertThat(labels).anySatisfy(line -> assertThat(line).containsPattern(
        "\"label\":\"attack\",\"attackType\":\"ACCOUNT_TAKEOVER\",\"attackerModel\":\"(naive|vip|targeted)\","
            + "\"campaignId\":\"c-\\d{4}\""));
    assertThat(labels).allSatisfy(line -> assertThat(line).doesNotContain("\"label\":\"legit\",\"attackType\":\""));
  }

  @Test
  void sinkSeesTheSameEventsAsTheFiles() throws IOException {
    Run run = Run.of(Run.small());
    SimulationSummary summary = Simulator.run(Run.small(), temp);

    assertThat(summary).isEqualTo(run.summary());
    assertThat(Files.readAllLines(temp.resolve("events.jsonl")).get(0))
        .isEqualTo(LoginEventWriter.toJson(run.events().get(0)));
  }

  @Test
  void eventIdsAreUniqueAndNameTheSeed() {
    Run run = Run.of(Run.small().withSeed(42));

    assertThat(run.events()).extracting(LoginEvent::eventId).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).startsWith("e-" + Long.toString(42, 36) + "-"));
  }

  @Test
  void everyEventCarriesTheGeoAnIdentityProviderWouldSend() {
    Run run = Run.of(Run.small());

    assertThat(run.events()).allSatisfy(event -> {
      assertThat(event.geo()).isNotNull();
      assertThat(event.geo().country()).isNotNull();
      assertThat(event.geo().city()).isNotNull();
      assertThat(event.geo().hasLocation()).isTrue();
      assertThat(event.geo().asn()).isNotNull().isPositive();
      assertThat(event.geo().asOrg()).isNotBlank();
      assertThat(event.ip().isPrivate()).isFalse();
      assertThat(event.userAgent()).isNotBlank();
    });
  }

  @Test
  void summaryCountsWhatWasWritten() {
    Run run = Run.of(Run.small());
    SimulationSummary summary = run.summary();

    assertThat(summary.events()).isEqualTo(run.size());
    assertThat(summary.users()).isEqualTo(300);
    assertThat(summary.tenants()).isEqualTo(4);
    assertThat(summary.attackEvents()).isEqualTo(run.where(Label::isAttack).size());
    assertThat(summary.successfulAttacks()).isEqualTo(run.where(Label::isSuccessfulAttack).size());
    for (AttackType type : AttackType.values()) {
      assertThat(summary.attackEventsByType().get(type)).as(type.name())
          .isEqualTo(run.where(label -> label.attackType() == type).size());
      assertThat(summary.campaignsByType().get(type)).as(type.name())
          .isEqualTo(run.campaigns(type).size());
    }
  }

  @Test
  void defaultRunIsAboutThreeHundredThousandEvents() {
    // The scale: 5,000 users for 30 days, about two events per user and day.
    SimulationSummary summary = Simulator.run(SimulationSettings.defaults(), (event, label) -> { });

    assertThat(summary.events()).isBetween(250_000L, 350_000L);
    assertThat(summary.attackEventsByType().values()).allSatisfy(count -> assertThat(count).isPositive());
    assertThat(summary.campaigns()).isGreaterThanOrEqualTo(40);
  }
}
