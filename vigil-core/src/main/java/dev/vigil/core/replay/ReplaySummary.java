package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.policy.Decision;
import dev.vigil.core.signal.SignalType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay did, for an operator: how many events it read, assessed and refused, what the engine decided,
 * which signals fired, who and which networks look riskiest, and how fast it went.
 *
 * <p>The counts add up: {@code eventsRead == assessed + malformed}, and the decisions sum to {@code assessed}.
 *
 * @param eventsRead non-blank input lines (each one an event or a malformed line)
 * @param assessed events the engine assessed, one assessment written for each
 * @param malformed lines that broke the event contract and were skipped
 * @param decisions assessments per decision; every decision is present, possibly with 0
 * @param signals signals raised per type, only types that fired, in declaration order
 * @param riskyUsers up to 10 users by highest score, then flagged logins; only users with a score
 *     above 0 or a flagged login
 * @param riskyNetworks up to 10 source networks by flagged logins
 * @param problems the first malformed lines, in input order (at most the replayer's limit)
 * @param elapsed wall time the replay took, as measured by the caller's ticker
 */
public record ReplaySummary(
    long eventsRead,
    long assessed,
    long malformed,
    Map<Decision, Long> decisions,
    Map<SignalType, Long> signals,
    List<RiskyUser> riskyUsers,
    List<RiskyNetwork> riskyNetworks,
    List<ReplayProblem> problems,
    Duration elapsed) {

  public ReplaySummary {
    if (assessed < 0 || malformed < 0 || eventsRead != assessed + malformed) {
      throw new IllegalArgumentException("eventsRead must equal assessed + malformed: " + eventsRead + " != "
          + assessed + " + " + malformed);
    }
    EnumMap<Decision, Long> allDecisions = new EnumMap<>(Decision.class);
    long decided = 0;
    for (Decision decision : Decision.values()) {
      long count = decisions.getOrDefault(decision, 0L);
      allDecisions.put(decision, count);
      decided += count;
    }
    if (decided != assessed) {
      throw new IllegalArgumentException("decisions must add up to assessed: " + decided + " != " + assessed);
    }
    decisions = Collections.unmodifiableMap(allDecisions);
    signals = Collections.unmodifiableMap(signals.isEmpty() ? new EnumMap<>(SignalType.class)
        : new EnumMap<>(signals));
    riskyUsers = List.copyOf(riskyUsers);
    riskyNetworks = List.copyOf(riskyNetworks);
    problems = List.copyOf(problems);
    requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
  }

  /** Events read per second of {@link #elapsed()}; 0 when no time was measured. */
  public double eventsPerSecond() {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : eventsRead * 1e9 / nanos;
  }

  /** Assessments that were challenged or denied. */
  public long flagged() {
    return assessed - decisions.get(Decision.ALLOW);
  }
}
