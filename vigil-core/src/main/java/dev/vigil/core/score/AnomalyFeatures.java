package dev.vigil.core.score;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.UserProfile;

/**
 * The per-login feature vector of the Isolation Forest: how this login departs from the user's own history
 * (seed 003's hour of day, IP change, new device, logins today; plus network, AS, country, failures, distance and
 * network kind). Every feature is relative to the user, so one forest per tenant fits users with very different
 * habits.
 */
public final class AnomalyFeatures {
  /** Length of the vector. */
  public static final int LENGTH = 11;

  private AnomalyFeatures() {}

  /**
   * Fills {@code out} with the features of a login, measured against the profile as it was before the login.
   */
  public static double[] of(LoginFeatures login, UserProfile profile, boolean obscuredNetwork, boolean automated,
      double[] out) {
    float hourTotal = profile.hourTotal();
    int h = login.localHour();
    float near = profile.hourWeight(h) + profile.hourWeight((h + 23) % 24) + profile.hourWeight((h + 1) % 24);
    out[0] = hourTotal > 0 ? near / hourTotal : 1;
    out[1] = profile.knowsIp(login.ipKey()) ? 0 : 1;
    out[2] = familiarity(profile, login, Feature.NETWORK);
    out[3] = familiarity(profile, login, Feature.ASN);
    out[4] = familiarity(profile, login, Feature.COUNTRY);
    out[5] = Math.min(familiarity(profile, login, Feature.DEVICE), familiarity(profile, login, Feature.UA_FAMILY));
    out[6] = Math.min(50, profile.loginsToday());
    int now = login.second();
    out[7] = Math.min(20, profile.failuresBetween(now - 3600, now));
    out[8] = distanceFeature(profile, login);
    out[9] = obscuredNetwork ? 1 : 0;
    out[10] = automated ? 1 : 0;
    return out;
  }

  /** The user's share of logins with this login's value, 0 when unfamiliar. */
  private static double familiarity(UserProfile profile, LoginFeatures login, Feature feature) {
    float total = profile.total(feature);
    return total <= 0 ? 0 : profile.weight(feature, login.key(feature)) / total;
  }

  /** log(1 + km/h since the last success), 0 when either place is unknown. */
  private static double distanceFeature(UserProfile profile, LoginFeatures login) {
    if (!profile.hasLastSuccess() || !login.hasLocation() || Float.isNaN(profile.lastLat())) {
      return 0;
    }
    double km = dev.vigil.core.event.GreatCircle.distanceKm(profile.lastLat(), profile.lastLon(), login.lat(),
        login.lon());
    double hours = Math.max(1.0 / 60, Math.abs(login.second() - profile.lastSuccessSecond()) / 3600.0);
    return Math.log1p(km / hours);
  }

}
