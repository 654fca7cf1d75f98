package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class SimulationSettingsTest {

  @Test
  void defaultsAreTheIssuesRunFromAFixedStart() {
    SimulationSettings defaults = SimulationSettings.defaults();

    assertThat(defaults.seed()).isEqualTo(1);
    assertThat(defaults.users()).isEqualTo(5_000);
    assertThat(defaults.days()).isEqualTo(30);
    assertThat(defaults.scenario()).isEqualTo(Scenario.STANDARD);
    assertThat(defaults.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(defaults.end()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
  }

  @Test
  void rejectsTooFewOrTooManyUsersNamingTheRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> SimulationSettings.defaults().withUsers(9))
        .withMessage("users must be between 10 and 1000000: 9");
    assertThatIllegalArgumentException().isThrownBy(() -> SimulationSettings.defaults().withUsers(1_000_001));
  }

  @Test
  void rejectsEmptyOrDecadeLongWindows() {
    assertThatIllegalArgumentException().isThrownBy(() -> SimulationSettings.defaults().withDays(0))
        .withMessage("days must be between 1 and 3650: 0");
    assertThatIllegalArgumentException().isThrownBy(() -> SimulationSettings.defaults().withDays(3_651));
  }

  @Test
  void requiresScenarioAndStart() {
    assertThatNullPointerException().isThrownBy(() -> new SimulationSettings(1, 100, 1, null, Instant.EPOCH))
        .withMessage("scenario");
    assertThatNullPointerException().isThrownBy(() -> new SimulationSettings(1, 100, 1, Scenario.HARD, null))
        .withMessage("start");
  }
}
