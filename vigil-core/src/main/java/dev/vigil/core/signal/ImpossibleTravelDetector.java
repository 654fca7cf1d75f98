package dev.vigil.core.signal;

import dev.vigil.core.event.GreatCircle;
import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.UserProfile;
import java.util.Locale;

/**
 * IMPOSSIBLE_TRAVEL: two successes further apart than an airliner could fly in the time between them.
 *
 * <p>Targets stolen sessions and credentials used from abroad while the victim is active at home. Evidence:
 * great-circle distance from the previous success over the elapsed event time exceeds the speed limit (1,000
 * km/h). False positives: geolocation error and mobile gateways (hops under 500 km are ignored), VPNs and
 * cloud egress that place a person in another country (ignored when either login's network hides the
 * location), and out-of-order delivery (the time gap is taken as an absolute value, never below a minute).
 * Corporate VPNs and offices with egress in several cities, and a user's own carrier while roaming, make a
 * person "jump" between places they use all the time: a login from a place the user already knows (its network,
 * or its AS in a known city), or from a network many of the tenant's logins come from (an office, a corporate
 * egress), is not a journey (Entra ID ignores locations "regularly used by the user or the organisation"
 * likewise). When either end is a mobile carrier, whose geolocation is a gateway city or, roaming, the home
 * country, only a jump into an unfamiliar country counts.
 */
final class ImpossibleTravelDetector implements Detector {
  /** A network this many of the tenant's logins came from is an office or corporate egress, not a journey. */
  static final long SHARED_NETWORK_LOGINS = 20;

  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null || !context.isSuccess() || !profile.hasLastSuccess()
        || !context.features().hasLocation() || Float.isNaN(profile.lastLat())) {
      return;
    }
    if (context.obscuredNetwork() || profile.lastObscured()) {
      return;
    }
    if (context.familiar(Feature.NETWORK) || (context.familiar(Feature.ASN) && context.familiar(Feature.CITY))) {
      return;
    }
    if (context.population().count(Feature.NETWORK, context.features().key(Feature.NETWORK)) >= SHARED_NETWORK_LOGINS) {
      return;
    }
    var settings = context.settings().travel();
    double km = GreatCircle.distanceKm(profile.lastLat(), profile.lastLon(), context.features().lat(),
        context.features().lon());
    if (km < settings.minDistanceKm()) {
      return;
    }
    long seconds = Math.max(60, Math.abs((long) context.features().second() - profile.lastSuccessSecond()));
    double kmh = km / (seconds / 3600.0);
    boolean mobile = profile.lastMobile()
        || context.login().network().category() == dev.vigil.core.enrich.NetworkCategory.MOBILE;
    if (mobile && context.familiar(Feature.COUNTRY)) {
      return;
    }
    if (kmh > settings.maxSpeedKmh()) {
      found.raise(SignalType.IMPOSSIBLE_TRAVEL, Severity.HIGH, String.format(Locale.ROOT,
          "%,.0f km in %s (%,.0f km/h) since the last login", km, duration(seconds), kmh));
    }
  }


  private static String duration(long seconds) {
    if (seconds < 3600) {
      return (seconds / 60) + " min";
    }
    if (seconds < 86_400 * 2) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
    return (seconds / 86_400) + " days";
  }

}
