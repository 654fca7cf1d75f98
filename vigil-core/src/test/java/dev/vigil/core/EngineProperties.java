package dev.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.RiskLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants that hold for any traffic. */
class EngineProperties {

  @Property(tries = 40)
  void sameEventsGiveTheSameAssessments(@ForAll long seed) {
    List<LoginEvent> events = RandomTraffic.of(seed, 300, 12);

    List<Assessment> first = assessAll(VigilEngine.builder().build(), events);
    List<Assessment> second = assessAll(VigilEngine.builder().build(), events);

    assertThat(withoutLatency(second)).isEqualTo(withoutLatency(first));
  }

  @Property(tries = 40)
  void scoresStayWithinZeroToHundredAndMatchTheirLevel(@ForAll long seed) {
    for (Assessment a : assessAll(VigilEngine.builder().build(), RandomTraffic.of(seed, 300, 8))) {
      assertThat(a.score()).isBetween(0, 100);
      assertThat(a.level()).isEqualTo(RiskLevel.of(a.score()));
      assertThat(a.signals()).allSatisfy(s -> assertThat(s.weight()).isBetween(0.0, 1.0));
    }
  }

  @Property(tries = 15)
  void aProfileSnapshotStaysBoundedHoweverLongTheHistory(@ForAll long seed, @ForAll @IntRange(min = 200, max = 3000) int count)
      throws IOException {
    // The tenants' anomaly models are bounded separately (TenantAnomalyModelTest); here only profiles count.
    TenantSettings noForest = TenantSettings.defaults().withScoring(TenantSettings.defaults().scoring().withForest(false));
    VigilEngine engine = VigilEngine.builder()
        .settings(EngineSettings.defaults().withTenantDefaults(noForest)).build();
    assessAll(engine, RandomTraffic.of(seed, count, 1));

    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    engine.writeSnapshot(snapshot);

    // Two tenants' fixed-size statistics plus one user each; the profile part never grows with history.
    int fixedPerTenant = 8 + 8 * 8 + 24 * 8 + 4 * 4096 * 4 + 16 + 4 + 2 + "globex".length();
    int profileBound = 2 + 20 * 4 + 48 * 8 + 24 * 4 + 2 + 12 * 8 + 40 + 2 + 2;
    assertThat(snapshot.size()).isLessThanOrEqualTo(12 + 4 + 2 * (fixedPerTenant + profileBound));
  }

  @Property(tries = 20)
  void aRestoredEngineContinuesExactlyWhereTheSnapshotLeftOff(@ForAll long seed) throws IOException {
    List<LoginEvent> events = RandomTraffic.of(seed, 1200, 10);
    // The forest is off by default; switched on here so that its snapshot is proven too.
    TenantSettings withForest = TenantSettings.defaults().withScoring(TenantSettings.defaults().scoring().withForest(true));
    EngineSettings settings = EngineSettings.defaults().withTenantDefaults(withForest);
    VigilEngine original = VigilEngine.builder().settings(settings).build();
    assessAll(original, events.subList(0, 1000));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    original.writeSnapshot(snapshot);

    VigilEngine restored = VigilEngine.builder().settings(settings)
        .restore(new ByteArrayInputStream(snapshot.toByteArray())).build();
    // Source counters are not snapshotted (they look back at most an hour): compare only what the profile and
    // tenant statistics decide, by giving both engines an hour of quiet first.
    List<LoginEvent> later = events.subList(1000, 1200).stream()
        .map(e -> Logins.login(e.userId()).tenant(e.tenantId()).eventId(e.eventId() + "-later")
            .at(e.timestamp().plus(java.time.Duration.ofDays(400))).event())
        .toList();

    assertThat(withoutLatency(assessAll(restored, later))).isEqualTo(withoutLatency(assessAll(original, later)));
    assertThat(restored.profileCount()).isEqualTo(original.profileCount());
  }

  private static List<Assessment> assessAll(VigilEngine engine, List<LoginEvent> events) {
    return events.stream().map(engine::assess).toList();
  }

  private static List<String> withoutLatency(List<Assessment> assessments) {
    return assessments.stream()
        .map(a -> dev.vigil.core.policy.AssessmentJson.toJson(a).replaceAll("\"latencyMicros\":\\d+", ""))
        .toList();
  }
}
