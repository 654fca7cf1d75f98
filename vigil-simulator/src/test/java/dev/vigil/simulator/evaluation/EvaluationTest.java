package dev.vigil.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static ScoredEvent legit(String user, int score, boolean challenged) {
    return new ScoredEvent(user, true, false, null, null, null, score, challenged, challenged, false, false);
  }

  private static ScoredEvent takeover(String model, int score, boolean flagged) {
    return new ScoredEvent("victim", true, true, "ACCOUNT_TAKEOVER", model, "c-" + model, score, flagged, flagged,
        false, false);
  }

  @Test
  void perfectlySeparatedScoresHaveAnAucOfOne() {
    List<ScoredEvent> events = List.of(legit("a", 0, false), legit("b", 10, false), takeover("naive", 90, true),
        takeover("vip", 80, true));

    EvaluationReport report = Evaluation.of("test", events);

    assertThat(report.auc()).isEqualTo(1.0);
    assertThat(report.atDecision().tpr()).isEqualTo(1.0);
    assertThat(report.atDecision().fpr()).isZero();
  }

  @Test
  void tiedScoresCountHalfAsInTheRankSum() {
    List<ScoredEvent> events = List.of(legit("a", 50, false), takeover("naive", 50, false));

    assertThat(Evaluation.of("test", events).auc()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void ratesPerAttackerModelAndTheBestTprAtOnePercentFpr() {
    List<ScoredEvent> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(legit("u" + i, i < 2 ? 70 : 5, i < 2)); // two legitimate logins of 200 score high: FPR 1%
    }
    events.add(takeover("naive", 95, true));
    events.add(takeover("targeted", 60, true));
    events.add(takeover("targeted", 20, false));

    EvaluationReport report = Evaluation.of("test", events);

    assertThat(report.byAttackerModel().get("naive").rate()).isEqualTo(1.0);
    assertThat(report.byAttackerModel().get("targeted").rate()).isEqualTo(0.5);
    // Any threshold from 20 down to 6 catches the third takeover and still flags only the two legitimate logins;
    // the report names the loosest.
    assertThat(report.atOnePercentFpr().threshold()).isEqualTo(6);
    assertThat(report.atOnePercentFpr().fpr()).isEqualTo(0.01);
    assertThat(report.atOnePercentFpr().tpr()).isEqualTo(1.0);
    assertThat(report.atDecision().tpr()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(report.burden().challengedShare()).isEqualTo(0.01);
    assertThat(report.burden().usersChallengedShare()).isEqualTo(0.01);
  }

  @Test
  void aCampaignIsJudgedByItsFirstFlaggedAttempt() {
    List<ScoredEvent> events = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      events.add(new ScoredEvent("v" + i, false, true, "PASSWORD_SPRAY", null, "c-1", 10, i >= 11, false, false,
          false));
    }
    events.add(new ScoredEvent("w", false, true, "BRUTE_FORCE", null, "c-2", 10, false, false, false, false));

    List<EvaluationReport.Campaign> campaigns = Evaluation.of("test", events).campaigns();

    assertThat(campaigns).extracting(EvaluationReport.Campaign::firstFlaggedAttempt).containsExactly(12, null);
    assertThat(campaigns).extracting(EvaluationReport.Campaign::attempts).containsExactly(25, 1);
  }

  @Test
  void theNewIpBaselineChallengesEveryUnseenAddressButTheFirst() {
    Baselines baselines = new Baselines();

    assertThat(baselines.observe(event("1.2.3.4", 0, Outcome.SUCCESS)).newIp()).isFalse();
    assertThat(baselines.observe(event("1.2.3.4", 60, Outcome.SUCCESS)).newIp()).isFalse();
    assertThat(baselines.observe(event("1.2.3.5", 120, Outcome.SUCCESS)).newIp()).isTrue();
  }

  @Test
  void theFixedBruteForceBaselineLocksTheAccountAfterFiveFailuresInFifteenMinutes() {
    Baselines baselines = new Baselines();
    for (int i = 0; i < 4; i++) {
      assertThat(baselines.observe(event("9.9.9.9", i * 60, Outcome.FAILURE)).fixedBruteForce()).isFalse();
    }
    assertThat(baselines.observe(event("9.9.9.9", 240, Outcome.FAILURE)).fixedBruteForce()).isTrue();
    // The real user, from their own address, is locked out too: the weakness Vigil's per-source rule avoids.
    assertThat(baselines.observe(event("1.2.3.4", 300, Outcome.SUCCESS)).fixedBruteForce()).isTrue();
    assertThat(baselines.observe(event("1.2.3.4", 300 + 16 * 60, Outcome.SUCCESS)).fixedBruteForce()).isFalse();
  }

  @Test
  void readsTheSimulatorsLabelLines() {
    GroundTruth attack = GroundTruth.parse("{\"eventId\":\"e-1\",\"label\":\"attack\",\"attackType\":\"ACCOUNT_TAKEOVER\","
        + "\"attackerModel\":\"vip\",\"campaignId\":\"c-7\",\"tenantId\":\"t\",\"userId\":\"u\",\"outcome\":\"SUCCESS\"}");
    GroundTruth legit = GroundTruth.parse("{\"eventId\":\"e-2\",\"label\":\"legit\",\"attackType\":null}");

    assertThat(attack).isEqualTo(new GroundTruth("e-1", true, "ACCOUNT_TAKEOVER", "vip", "c-7"));
    assertThat(legit.attack()).isFalse();
  }

  private static LoginEvent event(String ip, long second, Outcome outcome) {
    return new LoginEvent("e-" + second + ip, "t", "alice", Instant.ofEpochSecond(1_790_000_000L + second), outcome,
        outcome == Outcome.FAILURE ? FailureReason.BAD_PASSWORD : null, IpAddress.parse(ip), null, null, null, null,
        null, Map.of(), Set.of());
  }
}
