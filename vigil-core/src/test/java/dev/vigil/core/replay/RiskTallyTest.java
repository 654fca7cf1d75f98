package dev.vigil.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.policy.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

// The engine is still a placeholder that allows everything, so the ranking is specified here with hand-made
// assessments rather than through a replay.
final class RiskTallyTest {
  private static final IpAddress BERLIN = IpAddress.parse("81.2.69.160");
  private static final IpAddress BERLIN_NEIGHBOUR = IpAddress.parse("81.2.69.7");
  private static final IpAddress HOSTING = IpAddress.parse("203.0.113.9");
  private static final IpAddress V6_HOME = IpAddress.parse("2001:db8:1:2::5");

  private final RiskTally tally = new RiskTally();

  @Test
  void ranksUsersByHighestScoreThenByFlaggedLogins() {
    tally.add(assessed("bob", 70, Decision.CHALLENGE), BERLIN);
    tally.add(assessed("carol", 90, Decision.DENY), HOSTING);
    tally.add(assessed("alice", 70, Decision.CHALLENGE), BERLIN);
    tally.add(assessed("alice", 40, Decision.CHALLENGE), BERLIN);

    assertThat(tally.topUsers()).containsExactly(
        new RiskyUser("acme", "carol", 90, 1),
        new RiskyUser("acme", "alice", 70, 2),
        new RiskyUser("acme", "bob", 70, 1));
  }

  @Test
  void leavesUsersWhoseLoginsAllScoredZeroOut() {
    tally.add(assessed("alice", 0, Decision.ALLOW), BERLIN);

    assertThat(tally.topUsers()).isEmpty();
    assertThat(tally.trackedUsers()).isZero();
  }

  @Test
  void ranksNetworksByFlaggedLoginsCountingHostsOfOneNetworkTogether() {
    tally.add(assessed("alice", 80, Decision.CHALLENGE), BERLIN);
    tally.add(assessed("bob", 80, Decision.DENY), BERLIN_NEIGHBOUR);
    tally.add(assessed("carol", 80, Decision.DENY), V6_HOME);
    tally.add(assessed("dave", 20, Decision.ALLOW), HOSTING);

    assertThat(tally.topNetworks()).containsExactly(
        new RiskyNetwork("81.2.69.0/24", 2),
        new RiskyNetwork("2001:db8:1::/48", 1));
  }

  @Test
  void showsAtMostTenUsersAndNetworks() {
    for (int i = 0; i < 15; i++) {
      tally.add(assessed("user-" + i, 50 + i, Decision.CHALLENGE), IpAddress.ofV4(0x0A00_0000 + (i << 8)));
    }

    assertThat(tally.topUsers()).hasSize(10).first().extracting(RiskyUser::maxScore).isEqualTo(64);
    assertThat(tally.topNetworks()).hasSize(10);
  }

  @Test
  void staysWithinItsCapacityAndKeepsTheLeadersWhenManyUsersAreRisky() {
    RiskTally small = new RiskTally(20);
    small.add(assessed("leader", 99, Decision.DENY), HOSTING);
    for (int i = 0; i < 1_000; i++) {
      small.add(assessed("user-" + i, 10 + i % 50, Decision.CHALLENGE), IpAddress.ofV4(0x0A00_0000 + (i << 8)));
    }

    assertThat(small.trackedUsers()).isLessThanOrEqualTo(20);
    assertThat(small.trackedNetworks()).isLessThanOrEqualTo(20);
    assertThat(small.topUsers().getFirst().userId()).isEqualTo("leader");
  }

  @Test
  void printsNoUserIdWhenLogged() {
    assertThat(new RiskyUser("acme", "alice@example.com", 90, 3).toString()).doesNotContain("alice");
  }

  private static Assessment assessed(String user, int score, Decision decision) {
    return new Assessment("e-" + user + score, "acme", user, Instant.parse("2026-10-01T08:15:30Z"),
        Outcome.SUCCESS, score, RiskLevel.of(score), decision, List.of(), Set.of(), PolicyMode.ENFORCE, null,
        "test", 0);
  }
}
