package dev.vigil.server.alert;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which assessments become alerts, and when two of them are the same alert.
 *
 * <p>A successful login raises an alert when it scored at least MEDIUM or was challenged or denied, and had a
 * reason. A failed one raises an alert only as part of a campaign (brute force, spraying, stuffing): a single wrong
 * password from a new place harmed nobody, and alerting on each would bury the one alert that matters. Each
 * such login is its own alert, except campaigns: brute force, spraying, stuffing and success-after-failures share
 * one alert per user and burst window (seed PR #1074: ten failures, one alert), and unusual hours one per user and
 * day (PR #278's review: a night owl must not be mailed every night twice).
 */
public final class AlertRules {
  /** Length of the burst window that campaign alerts are deduplicated over. */
  public static final Duration BURST_WINDOW = Duration.ofMinutes(15);

  private static final Set<SignalType> CAMPAIGNS = EnumSet.of(SignalType.BRUTE_FORCE, SignalType.PASSWORD_SPRAY,
      SignalType.CREDENTIAL_STUFFING, SignalType.SUCCESS_AFTER_FAILURES);

  private AlertRules() {}

  /** The alert this assessment raises, before it is stored; empty when it raises none. */
  public static Optional<NewAlert> alertFor(Assessment assessment) {
    List<Signal> signals = assessment.signals();
    boolean risky = assessment.level() != RiskLevel.LOW || assessment.flagged();
    boolean harmful = assessment.outcome() == Outcome.SUCCESS
        || signals.stream().anyMatch(signal -> CAMPAIGNS.contains(signal.type()));
    if (!risky || !harmful || signals.isEmpty()) {
      return Optional.empty();
    }
    SignalType primary = signals.getFirst().type();
    List<String> types = signals.stream().map(s -> name(s.type())).toList();
    String message = signals.stream().map(Signal::detail).collect(Collectors.joining("; "));
    return Optional.of(new NewAlert(name(primary), types, assessment.level().name().toLowerCase(Locale.ROOT),
        message, dedupKey(primary, assessment)));
  }

  /**
   * A login that is part of a campaign shares the campaign's key whatever else it shows (each failure of a burst
   * may also come from a new network); one whose only reason is the hour shares the day's key.
   */
  static String dedupKey(SignalType primary, Assessment assessment) {
    long epochSecond = assessment.timestamp().getEpochSecond();
    for (Signal signal : assessment.signals()) {
      if (CAMPAIGNS.contains(signal.type())) {
        return name(signal.type()) + ":" + Math.floorDiv(epochSecond, BURST_WINDOW.toSeconds());
      }
    }
    if (primary == SignalType.UNUSUAL_HOUR && assessment.signals().size() == 1) {
      return name(primary) + ":" + Math.floorDiv(epochSecond, Duration.ofDays(1).toSeconds());
    }
    return "event:" + assessment.eventId();
  }

  private static String name(SignalType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** An alert as the rules make it; {@link AlertStore} gives it an id. */
  public record NewAlert(String type, List<String> signalTypes, String severity, String message, String dedupKey) {
    public NewAlert {
      signalTypes = List.copyOf(signalTypes);
    }
  }
}
