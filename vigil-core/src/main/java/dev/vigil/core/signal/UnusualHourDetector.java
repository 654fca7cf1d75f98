package dev.vigil.core.signal;

import dev.vigil.core.profile.UserProfile;

/**
 * UNUSUAL_HOUR: outside the user's own habit.
 *
 * <p>Targets attackers in other time zones or working the victim's night. Evidence: once the user has enough
 * history, the login's local hour and its two neighbours hold less than a small share of their logins; before
 * that, the fixed night window (00:00–04:59 local) of seeds 000/001/003. False positives: night owls and shift
 * workers (their own histogram says 02:00 is normal), insomnia, travel. Always LOW: an hour alone proves little.
 */
final class UnusualHourDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null || !context.isSuccess()) {
      return;
    }
    var settings = context.settings().unusualHour();
    int hour = context.features().localHour();
    if (profile.successes() >= settings.minHistory() && profile.hourTotal() > 0) {
      float near = profile.hourWeight(hour) + profile.hourWeight((hour + 23) % 24) + profile.hourWeight((hour + 1) % 24);
      double share = near / profile.hourTotal();
      if (share < settings.rareShare()) {
        found.raise(SignalType.UNUSUAL_HOUR, Severity.LOW,
            "login at " + twoDigits(hour) + ":00 local; " + Math.round(share * 100)
                + "% of the user's logins are near that hour");
      }
    } else if (inNight(hour, settings.nightStartHour(), settings.nightEndHour()) && profile.successes() > 0) {
      found.raise(SignalType.UNUSUAL_HOUR, Severity.LOW,
          "login at " + twoDigits(hour) + ":00 local, during the night");
    }
  }

  private static String twoDigits(int hour) {
    return hour < 10 ? "0" + hour : Integer.toString(hour);
  }

  private static boolean inNight(int hour, int start, int end) {
    return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
  }
}
