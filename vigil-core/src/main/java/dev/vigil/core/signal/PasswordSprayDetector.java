package dev.vigil.core.signal;

import dev.vigil.core.enrich.NetworkCategory;
import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.SourceActivity;
import dev.vigil.core.signal.DetectionContext.SourceLevel;

/**
 * PASSWORD_SPRAY: one source failing against many accounts, a try or two each (default: 10 users in an hour,
 * at most 2 tries each, 80% of its attempts failing).
 *
 * <p>A spray fails about once per user, so per-user counters never trip; it is counted per source at three
 * levels — the address, its /24 (/48), and, for hosting and anonymizing networks only, its whole AS (sprayers
 * rotate addresses inside one provider; a residential or mobile AS holds millions of honest users whose typos
 * would add up). False positives: an office or carrier NAT with many users — the failure ratio separates them,
 * as most of their attempts succeed; the customers of a VPN provider a sprayer rents from — a success through an
 * AS-wide spraying provider the user's history knows is LOW. A success from a spraying source is otherwise the
 * sprayed password working.
 */
final class PasswordSprayDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    var settings = context.settings().spray();
    check(context, found, SourceLevel.ADDRESS, "address", settings);
    if (!found.has(SignalType.PASSWORD_SPRAY)) {
      check(context, found, SourceLevel.NETWORK, "network", settings);
    }
    NetworkCategory category = context.login().network().category();
    if (!found.has(SignalType.PASSWORD_SPRAY)
        && (category == NetworkCategory.HOSTING || category == NetworkCategory.ANONYMIZER)) {
      check(context, found, SourceLevel.SYSTEM, "AS" + context.login().network().asn(), settings);
    }
  }

  private static void check(DetectionContext context, Signals found, SourceLevel level, String what,
      dev.vigil.core.signal.DetectionSettings.Spray settings) {
    SourceActivity.Window window = context.source(level, settings.window());
    if (window.distinctFailedUsers() >= settings.distinctUsers()
        && window.maxFailuresPerUser() <= settings.maxTriesPerUser()
        && window.failureRatio() >= settings.minFailureRatio()) {
      // A whole VPN or cloud provider spraying says little about a success of a user who always comes through
      // it: the sprayer rents from the provider the user pays for. That success is still worth a look (LOW).
      boolean usersOwnProvider = level == SourceLevel.SYSTEM && context.isSuccess()
          && context.familiar(Feature.ASN);
      found.raise(SignalType.PASSWORD_SPRAY, usersOwnProvider ? Severity.LOW : Severity.HIGH, "this " + what
          + " failed against " + window.distinctFailedUsers() + " accounts in " + settings.window().toMinutes()
          + " min" + (context.isSuccess() ? "; this login succeeded" : "")
          + (usersOwnProvider ? " from the provider the user always uses" : ""));
    }
  }
}
