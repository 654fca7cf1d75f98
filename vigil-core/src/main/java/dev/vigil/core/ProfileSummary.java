package dev.vigil.core;

import dev.vigil.core.profile.EventClock;
import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine knows of a user, for people: how much history, which countries, how many networks and
 * devices, the usual hours, the last success. Holds no raw identities (the profile stores none).
 *
 * @param successes successful logins learned
 * @param countries usual countries, most used first
 * @param networks distinct networks remembered
 * @param systems distinct autonomous systems remembered
 * @param devices distinct device ids remembered
 * @param userAgentFamilies distinct browser/OS/device-class families remembered
 * @param usualHours local hours holding at least 10% of the user's logins, ascending
 * @param lastSuccess when the last successful login happened, if any
 */
public record ProfileSummary(int successes, List<String> countries, int networks, int systems, int devices,
    int userAgentFamilies, List<Integer> usualHours, @Nullable Instant lastSuccess) {

  public ProfileSummary {
    countries = List.copyOf(countries);
    usualHours = List.copyOf(usualHours);
  }

  static ProfileSummary of(UserProfile profile) {
    List<String> countries = new ArrayList<>();
    for (int key : profile.valuesByWeight(Feature.COUNTRY)) {
      countries.add(LoginFeatures.countryCode(key));
    }
    List<Integer> hours = new ArrayList<>();
    float total = profile.hourTotal();
    for (int h = 0; h < 24; h++) {
      if (total > 0 && profile.hourWeight(h) / total >= 0.10) {
        hours.add(h);
      }
    }
    return new ProfileSummary(profile.successes(), countries, profile.distinct(Feature.NETWORK),
        profile.distinct(Feature.ASN), profile.distinct(Feature.DEVICE), profile.distinct(Feature.UA_FAMILY), hours,
        profile.hasLastSuccess() ? EventClock.instant(profile.lastSuccessSecond()) : null);
  }
}
