package dev.vigil.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {
  private static final Assessment CHALLENGED = new Assessment("e-1", "acme", "alice",
      Instant.parse("2026-10-01T08:15:30Z"), Outcome.SUCCESS, 87, RiskLevel.CRITICAL, Decision.CHALLENGE,
      List.of(new Signal(SignalType.NEW_COUNTRY, Severity.MEDIUM, 0.31, "first login from BR; usual DE")),
      Set.of(Action.NOTIFY_USER, Action.REQUIRE_MFA), PolicyMode.ENFORCE, null, "2026.11-1", 14);

  @Test
  void writesTheContractsFieldsAndReadsThemBack() {
    String json = AssessmentJson.toJson(CHALLENGED);

    assertThat(json).contains("\"score\":87", "\"level\":\"CRITICAL\"", "\"decision\":\"CHALLENGE\"",
        "\"detail\":\"first login from BR; usual DE\"", "\"incidentId\":null",
        "\"actions\":[\"NOTIFY_USER\",\"REQUIRE_MFA\"]");
    assertThat(AssessmentJson.read(json)).isEqualTo(CHALLENGED);
  }

  @Test
  void aLevelMustMatchItsScore() {
    // DESIGN.md §3's example pairs score 87 with HIGH, which its own scale (HIGH < 85) contradicts.
    assertThatThrownBy(() -> new Assessment("e", "t", "u", Instant.EPOCH, Outcome.SUCCESS, 87, RiskLevel.HIGH,
        Decision.ALLOW, List.of(), Set.of(), PolicyMode.ENFORCE, null, "v", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRITICAL");
  }

  @Test
  void refusesWhatIsNotAnAssessment() {
    assertThatThrownBy(() -> AssessmentJson.read("{\"eventId\":\"e\"}")).isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> AssessmentJson.read("[]")).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void neverPrintsTheUserInToString() {
    assertThat(CHALLENGED.toString()).doesNotContain("alice");
  }
}
