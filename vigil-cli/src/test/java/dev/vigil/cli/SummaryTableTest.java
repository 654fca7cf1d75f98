package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.policy.Decision;
import dev.vigil.core.replay.ReplayProblem;
import dev.vigil.core.replay.ReplaySummary;
import dev.vigil.core.replay.RiskyNetwork;
import dev.vigil.core.replay.RiskyUser;
import dev.vigil.core.signal.SignalType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SummaryTableTest {

  @Test
  void showsDecisionSharesSignalsRiskiestUsersAndNetworksAndTheFirstProblems() {
    ReplaySummary summary = new ReplaySummary(1_003, 1_000, 3,
        Map.of(Decision.ALLOW, 900L, Decision.CHALLENGE, 75L, Decision.DENY, 25L),
        Map.of(SignalType.NEW_COUNTRY, 40L, SignalType.BRUTE_FORCE, 12L),
        List.of(new RiskyUser("acme", "mallory", 97, 6), new RiskyUser("acme", "alice", 64, 1)),
        List.of(new RiskyNetwork("203.0.113.0/24", 30)),
        List.of(new ReplayProblem(7, "ip", "ip: must be an IPv4 or IPv6 address literal: \"999.1.1.1\"")),
        Duration.ofMillis(500));

    String text = SummaryTable.render(summary);

    assertThat(text).contains(
        "  events read               1,003",
        "  throughput       2,006 events/s",
        "  ALLOW        900  90.0%",
        "  CHALLENGE     75   7.5%",
        "  NEW_COUNTRY     40",
        "  acme/mallory           97               6",
        "  203.0.113.0/24                 30",
        "malformed lines: 3 (first 1 shown)",
        "  line 7: ip: must be an IPv4 or IPv6 address literal: \"999.1.1.1\"");
    assertThat(text.indexOf("NEW_COUNTRY")).isLessThan(text.indexOf("BRUTE_FORCE"));
  }

  @Test
  void saysSoWhenNothingWasFlagged() {
    ReplaySummary summary = new ReplaySummary(2, 2, 0, Map.of(Decision.ALLOW, 2L), Map.of(), List.of(),
        List.of(), List.of(), Duration.ZERO);

    assertThat(SummaryTable.render(summary))
        .contains("  no signals raised", "  no user scored above 0", "  no network had a flagged login")
        .doesNotContain("malformed lines:");
  }
}
