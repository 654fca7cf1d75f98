package dev.vigil.core.signal;

import dev.vigil.core.enrich.NetworkCategory;
import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.UserProfile;

/**
 * Unfamiliar place: NEW_IP, NEW_NETWORK, NEW_ASN, NEW_COUNTRY, NEW_CITY.
 *
 * <p>Targets account takeover from the attacker's own infrastructure. Evidence: the login's address, /24
 * (/48), AS, country or city is absent from the user's successful history. False positives: DHCP churn (a new
 * address in a known network — hence NEW_IP alone is LOW), mobile carriers (new networks in a known AS), travel
 * (a new country once per trip). The hierarchy matters more than the exact address (Freeman et al.): the
 * scorer weighs a new AS and a new country far above a new address.
 */
final class FamiliarityDetector implements Detector {
  /** A tenant needs this many successful logins before a country's rarity in it means anything. */
  private static final long POPULATION_FLOOR = 1_000;
  /** A country below this share of the tenant's logins is rare there. */
  private static final double RARE_COUNTRY_SHARE = 0.005;

  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null) {
      return;
    }
    if (!context.hasHistory()) {
      // Too little history for most features to be "new" (a user's second device is not news), but a country
      // change is rare enough to count after a single success, and for an account with no history at all a
      // country that is rare in the whole tenant is what a takeover of a dormant account looks like.
      youngAccount(context, profile, found);
      return;
    }
    LoginFeatures login = context.features();
    var event = context.event();
    if (!profile.knowsIp(login.ipKey())) {
      found.raise(SignalType.NEW_IP, Severity.LOW,
          "address " + event.ip().masked() + " not among the last " + profile.ipCount() + " successful ones");
    }
    if (!context.familiar(Feature.NETWORK)) {
      // Carriers and VPNs hand out addresses from large rotating pools: a new /24 in an AS the user knows, of
      // such a network, says little.
      NetworkCategory category = context.login().network().category();
      boolean rotatingPool = category == NetworkCategory.MOBILE || category == NetworkCategory.ANONYMIZER
          || category == NetworkCategory.HOSTING;
      Severity severity = rotatingPool && context.familiar(Feature.ASN) ? Severity.LOW : Severity.MEDIUM;
      found.raise(SignalType.NEW_NETWORK, severity,
          "first login from network " + event.ip().maskedNetwork());
    }
    if (login.key(Feature.ASN) != 0 && !context.familiar(Feature.ASN)) {
      long asn = context.login().network().asn();
      String org = context.login().network().asOrg();
      found.raise(SignalType.NEW_ASN, Severity.MEDIUM, asn == 0
          ? "first login from provider block " + event.ip().providerBlockText()
          : "first login from AS" + asn + (org == null ? "" : " (" + org + ")"));
    }
    int country = login.key(Feature.COUNTRY);
    if (country != 0 && !context.familiar(Feature.COUNTRY)) {
      found.raise(SignalType.NEW_COUNTRY, Severity.MEDIUM, countryNote(profile, country, ""));
    } else if (login.key(Feature.CITY) != 0 && !context.familiar(Feature.CITY)) {
      found.raise(SignalType.NEW_CITY, Severity.LOW, "first login from " + context.login().geo().city());
    }
  }

  private static void youngAccount(DetectionContext context, UserProfile profile, Signals found) {
    int country = context.features().key(Feature.COUNTRY);
    if (country == 0) {
      return;
    }
    if (profile.successes() > 0) {
      if (!context.familiar(Feature.COUNTRY)) {
        found.raise(SignalType.NEW_COUNTRY, Severity.MEDIUM, countryNote(profile, country, " (short history)"));
      }
      return;
    }
    var population = context.population();
    long total = population.total(Feature.COUNTRY);
    if (total >= POPULATION_FLOOR) {
      double share = population.count(Feature.COUNTRY, country) / (double) total;
      if (share < RARE_COUNTRY_SHARE) {
        found.raise(SignalType.NEW_COUNTRY, Severity.LOW, String.format(java.util.Locale.ROOT,
            "first login of this account, from %s: %.2f%% of this tenant's logins", LoginFeatures.countryCode(country),
            share * 100));
      }
    }
  }

  /**
   * The analyst's explanation of NEW_COUNTRY: the country, and the user's usual ones (up to three, by weight). A
   * country the profile holds below familiarity was seen only in logins it did not trust (challenged and never
   * confirmed, doubted, or decayed with time): "first login from US; usual US" would contradict itself.
   */
  static String countryNote(UserProfile profile, int country, String suffix) {
    String code = LoginFeatures.countryCode(country);
    StringBuilder usual = new StringBuilder();
    int listed = 0;
    for (int other : profile.valuesByWeight(Feature.COUNTRY)) {
      if (other == country || listed == 3) {
        continue;
      }
      usual.append(listed++ > 0 ? ", " : "").append(LoginFeatures.countryCode(other));
    }
    String others = listed == 0 ? "none yet" : usual.toString();
    if (profile.weight(Feature.COUNTRY, country) > 0) {
      return "login from " + code + ", not yet familiar (seen only in challenged, doubted or long-past logins); usual "
          + others + suffix;
    }
    return "first login from " + code + "; usual " + others + suffix;
  }
}
