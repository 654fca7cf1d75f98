package dev.vigil.core.signal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every detector parameter, per tenant, with the defaults of DESIGN.md §4. Checked once at construction:
 * an out-of-range value fails naming the setting.
 *
 * @param disabled signal types no detector may raise for this tenant (an ablation, or a tenant's opt-out)
 * @param familiarity how much history a user needs before unfamiliar values count, and how fast it fades
 * @param unusualHour the hour-of-habit rule
 * @param travel the impossible-travel rule
 * @param bruteForce failures per user
 * @param spray one source, many users
 * @param stuffing tenant-wide surges and unknown-user lists
 * @param successAfterFailures a success right after a failure burst
 */
public record DetectionSettings(
    Set<SignalType> disabled,
    Familiarity familiarity,
    UnusualHour unusualHour,
    Travel travel,
    BruteForce bruteForce,
    Spray spray,
    Stuffing stuffing,
    SuccessAfterFailures successAfterFailures) {

  public DetectionSettings {
    disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
    requireNonNull(familiarity, "familiarity");
    requireNonNull(unusualHour, "unusualHour");
    requireNonNull(travel, "travel");
    requireNonNull(bruteForce, "bruteForce");
    requireNonNull(spray, "spray");
    requireNonNull(stuffing, "stuffing");
    requireNonNull(successAfterFailures, "successAfterFailures");
  }

  public static DetectionSettings defaults() {
    return new DetectionSettings(Set.of(), Familiarity.defaults(), UnusualHour.defaults(), Travel.defaults(),
        BruteForce.defaults(), Spray.defaults(), Stuffing.defaults(), SuccessAfterFailures.defaults());
  }

  /** Whether detectors may raise {@code type}. */
  public boolean enabled(SignalType type) {
    return !disabled.contains(type);
  }

  /** These settings with {@code type} switched off. */
  public DetectionSettings without(SignalType type) {
    EnumSet<SignalType> more = disabled.isEmpty() ? EnumSet.noneOf(SignalType.class) : EnumSet.copyOf(disabled);
    more.add(type);
    return new DetectionSettings(more, familiarity, unusualHour, travel, bruteForce, spray, stuffing,
        successAfterFailures);
  }

  /**
   * @param minHistory successful logins a user needs before NEW_* signals fire: before that, everything is new
   * @param halfLifeDays how fast familiarity fades (weights halve in this many days)
   */
  public record Familiarity(int minHistory, double halfLifeDays) {
    public Familiarity {
      atLeast("familiarity.minHistory", minHistory, 1);
      if (!(halfLifeDays >= 1)) {
        throw new IllegalArgumentException("familiarity.halfLifeDays must be at least 1: " + halfLifeDays);
      }
    }

    public static Familiarity defaults() {
      return new Familiarity(1, 60);
    }
  }

  /**
   * @param minHistory successful logins before the user's own hour histogram is trusted
   * @param rareShare an hour (with its neighbours) holding less than this share of the user's logins is unusual
   * @param nightStartHour start of the fallback night window, local time
   * @param nightEndHour end (exclusive) of the fallback night window, local time
   */
  public record UnusualHour(int minHistory, double rareShare, int nightStartHour, int nightEndHour) {
    public UnusualHour {
      atLeast("unusualHour.minHistory", minHistory, 1);
      if (!(rareShare > 0 && rareShare < 1)) {
        throw new IllegalArgumentException("unusualHour.rareShare must be between 0 and 1: " + rareShare);
      }
      if (nightStartHour < 0 || nightStartHour > 23 || nightEndHour < 0 || nightEndHour > 24) {
        throw new IllegalArgumentException("unusualHour night window must be within 0..24");
      }
    }

    public static UnusualHour defaults() {
      return new UnusualHour(10, 0.03, 0, 5);
    }
  }

  /**
   * @param maxSpeedKmh faster than this between two successes is impossible (an airliner does ~900 km/h)
   * @param minDistanceKm shorter hops are ignored: geolocation error and mobile carriers' gateways
   */
  public record Travel(double maxSpeedKmh, double minDistanceKm) {
    public Travel {
      if (!(maxSpeedKmh > 0) || !(minDistanceKm >= 0)) {
        throw new IllegalArgumentException("travel.maxSpeedKmh must be positive and travel.minDistanceKm >= 0");
      }
    }

    public static Travel defaults() {
      return new Travel(1000, 500);
    }
  }

  /**
   * @param failures failures on one account within {@code window} that make a brute force
   * @param window the sliding window
   */
  public record BruteForce(int failures, Duration window) {
    public BruteForce {
      atLeast("bruteForce.failures", failures, 2);
      positive("bruteForce.window", window);
    }

    public static BruteForce defaults() {
      return new BruteForce(5, Duration.ofMinutes(15));
    }
  }

  /**
   * @param distinctUsers distinct users one source fails against within {@code window}
   * @param maxTriesPerUser a spray tries each user at most this often (more is brute force)
   * @param minFailureRatio share of the source's attempts that failed: a busy office NAT has many successes
   * @param window the sliding window
   */
  public record Spray(int distinctUsers, int maxTriesPerUser, double minFailureRatio, Duration window) {
    public Spray {
      atLeast("spray.distinctUsers", distinctUsers, 2);
      atLeast("spray.maxTriesPerUser", maxTriesPerUser, 1);
      if (!(minFailureRatio >= 0 && minFailureRatio <= 1)) {
        throw new IllegalArgumentException("spray.minFailureRatio must be between 0 and 1: " + minFailureRatio);
      }
      positive("spray.window", window);
    }

    public static Spray defaults() {
      return new Spray(10, 2, 0.8, Duration.ofHours(1));
    }
  }

  /**
   * @param unknownUsersPerSource distinct unknown user names from one source within {@code sourceWindow}
   * @param sourceWindow the per-source window
   * @param surgeWindowMinutes the tenant-wide window
   * @param minSurgeFailures fewest failures in the tenant window that can be a surge
   * @param surgeFactor failures must also exceed the tenant's baseline by this factor
   * @param minSuspiciousShare share of the window's failures with a stuffing mark (unknown user, script,
   *     hosting network)
   */
  public record Stuffing(int unknownUsersPerSource, Duration sourceWindow, int surgeWindowMinutes,
      int minSurgeFailures, double surgeFactor, double minSuspiciousShare) {
    public Stuffing {
      atLeast("stuffing.unknownUsersPerSource", unknownUsersPerSource, 2);
      positive("stuffing.sourceWindow", sourceWindow);
      atLeast("stuffing.surgeWindowMinutes", surgeWindowMinutes, 1);
      if (surgeWindowMinutes > 60) {
        throw new IllegalArgumentException("stuffing.surgeWindowMinutes must be at most 60: " + surgeWindowMinutes);
      }
      atLeast("stuffing.minSurgeFailures", minSurgeFailures, 2);
      if (!(surgeFactor >= 1) || !(minSuspiciousShare >= 0 && minSuspiciousShare <= 1)) {
        throw new IllegalArgumentException("stuffing.surgeFactor must be >= 1 and minSuspiciousShare in 0..1");
      }
    }

    public static Stuffing defaults() {
      return new Stuffing(3, Duration.ofHours(1), 10, 15, 5, 0.4);
    }
  }

  /**
   * @param failures failures on the account within {@code window} before a success that make it suspicious
   * @param strangerFailures the fewer failures that do when the success comes from a network (AS) and a device
   *     the user has never used — nothing about it is the user's (MEDIUM)
   * @param window how far back to look
   */
  public record SuccessAfterFailures(int failures, int strangerFailures, Duration window) {
    public SuccessAfterFailures {
      atLeast("successAfterFailures.failures", failures, 1);
      atLeast("successAfterFailures.strangerFailures", strangerFailures, 1);
      positive("successAfterFailures.window", window);
    }

    public static SuccessAfterFailures defaults() {
      return new SuccessAfterFailures(3, 2, Duration.ofMinutes(30));
    }
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration: " + value);
    }
  }
}
