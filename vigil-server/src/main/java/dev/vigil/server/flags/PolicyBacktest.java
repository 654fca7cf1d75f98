package dev.vigil.server.flags;

import dev.vigil.core.TenantSettings;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.DecisionPolicy;
import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a change of a tenant's flags would have done to its stored logins of the last {@link #WINDOW}: each stored
 * assessment's score and signals are decided again under the current and under the proposed policy, by the engine's
 * own {@link DecisionPolicy}, and the decisions counted.
 *
 * <p>Why stored signals and not a replay: a replay needs the raw events (dropped after the retention window) and
 * rebuilds every profile; the thresholds and detector switches an administrator edits act after the detectors, so
 * the stored signals and their weights are enough. A detector switched off removes its signals and the score is
 * recombined from the remaining weights exactly as the scorer does ({@code 100 × (1 − Π(1 − w))}). What cannot be
 * backtested is a detector switched back <em>on</em>: its signals were never raised, so those logins count as they
 * were; the answer names such detectors. Monitor or enforce mode changes no decision, only whether it is carried
 * out.
 *
 * <p>Cost: one pass over the window's rows of the tenant, streamed, nothing kept but counters.
 */
@Component
final class PolicyBacktest {
  static final Duration WINDOW = Duration.ofDays(7);

  private static final String ROWS = """
      SELECT a.score,
             ARRAY(SELECT s.v->>'type' FROM json_array_elements(a.assessment->'signals') WITH ORDINALITY s(v, i)
                    ORDER BY i) AS types,
             ARRAY(SELECT CAST(s.v->>'weight' AS float8)
                     FROM json_array_elements(a.assessment->'signals') WITH ORDINALITY s(v, i) ORDER BY i) AS weights,
             ARRAY(SELECT s.v->>'severity' FROM json_array_elements(a.assessment->'signals') WITH ORDINALITY s(v, i)
                    ORDER BY i) AS severities
        FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
       WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to""";

  private final JdbcClient jdbc;
  private final EngineFlags engine;
  private final FlagStore flags;
  private final Clock clock;

  PolicyBacktest(JdbcClient jdbc, EngineFlags engine, FlagStore flags, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.flags = flags;
    this.clock = clock;
  }

  /**
   * Backtests {@code proposed} against the tenant's flags in force.
   *
   * @throws dev.vigil.server.caller.InvalidRequestException when the proposal makes no valid policy
   */
  Backtest run(TenantFlags proposed) {
    engine.check(proposed);
    TenantSettings now = engine.settingsFor(flags.get(proposed.tenantId()));
    TenantSettings next = engine.settingsFor(proposed);
    EnumSet<SignalType> dropped = EnumSet.noneOf(SignalType.class);
    EnumSet<SignalType> untestable = EnumSet.noneOf(SignalType.class);
    for (SignalType type : SignalType.values()) {
      boolean before = now.detection().enabled(type);
      boolean after = next.detection().enabled(type);
      if (before && !after) {
        dropped.add(type);
      } else if (!before && after) {
        untestable.add(type);
      }
    }
    Instant to = clock.instant();
    Instant from = to.minus(WINDOW);
    Tally current = new Tally();
    Tally proposal = new Tally();
    long[] changed = {0};
    jdbc.sql(ROWS).param("tenant", proposed.tenantId()).param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((ResultSet rs) -> {
          List<Signal> signals = signals(rs.getArray("types"), rs.getArray("weights"), rs.getArray("severities"));
          int score = rs.getInt("score");
          Decision before = DecisionPolicy.decide(score, signals, now.policy());
          Decision after = decideWithout(score, signals, dropped, next.policy());
          current.add(before);
          proposal.add(after);
          if (before != after) {
            changed[0]++;
          }
        });
    return new Backtest(from, to, current.total(), current.counts(), proposal.counts(),
        proposal.challenge - current.challenge, proposal.deny - current.deny, changed[0], dropped, untestable);
  }

  /** The decision once the signals of {@code dropped} detectors are gone and the score recombined without them. */
  static Decision decideWithout(int score, List<Signal> signals, Set<SignalType> dropped, PolicySettings policy) {
    if (dropped.isEmpty() || signals.stream().noneMatch(s -> dropped.contains(s.type()))) {
      return DecisionPolicy.decide(score, signals, policy);
    }
    List<Signal> kept = new ArrayList<>(signals.size());
    double keep = 1.0;
    for (Signal signal : signals) {
      if (!dropped.contains(signal.type())) {
        kept.add(signal);
        keep *= 1 - signal.weight();
      }
    }
    int rescored = Math.max(0, Math.min(100, (int) Math.round(100 * (1 - keep))));
    return DecisionPolicy.decide(rescored, kept, policy);
  }

  /**
   * The stored signals with their weights and severities (the policy denies only on HIGH attack evidence). A
   * severity missing from an old row counts as HIGH, which re-decides that row as it was decided when stored.
   */
  private static List<Signal> signals(Array types, Array weights, Array severities) throws SQLException {
    String[] names = (String[]) types.getArray();
    Object[] values = (Object[]) weights.getArray();
    String[] levels = (String[]) severities.getArray();
    List<Signal> signals = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      double weight = values[i] == null ? 0 : ((Number) values[i]).doubleValue();
      Severity severity = levels[i] == null ? Severity.HIGH : Severity.valueOf(levels[i]);
      signals.add(new Signal(SignalType.valueOf(names[i]), severity, Math.max(0, Math.min(1, weight)), ""));
    }
    return signals;
  }

  /** Decisions counted. Used by one request thread. */
  private static final class Tally {
    long allow;
    long challenge;
    long deny;

    void add(Decision decision) {
      switch (decision) {
        case ALLOW -> allow++;
        case CHALLENGE -> challenge++;
        case DENY -> deny++;
      }
    }

    long total() {
      return allow + challenge + deny;
    }

    Counts counts() {
      return new Counts(allow, challenge, deny);
    }
  }

  /** Logins per decision. */
  record Counts(long allow, long challenge, long deny) {}

  /**
   * The answer of {@code POST /internal/policy/backtest}.
   *
   * @param logins stored logins of the window
   * @param current their decisions under the flags in force
   * @param proposed their decisions under the proposal
   * @param moreChallenged proposed minus current challenges (negative: fewer)
   * @param moreDenied proposed minus current denials (negative: fewer)
   * @param changed logins whose decision differs
   * @param droppedDetectors detectors the proposal switches off (their signals removed, scores recombined)
   * @param untestableDetectors detectors the proposal switches on: never raised in the window, so not backtested
   */
  record Backtest(Instant from, Instant to, long logins, Counts current, Counts proposed, long moreChallenged,
      long moreDenied, long changed, Set<SignalType> droppedDetectors, Set<SignalType> untestableDetectors) {
    Backtest {
      droppedDetectors = Set.copyOf(droppedDetectors);
      untestableDetectors = Set.copyOf(untestableDetectors);
    }
  }
}
