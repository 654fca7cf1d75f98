package dev.vigil.core.signal;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.UserProfile;

/**
 * NEW_DEVICE: a device id, or a user-agent family (browser + OS + device class), the user has not used.
 *
 * <p>Targets takeover from the attacker's machine. Evidence: an unseen device cookie, or none from a user whose
 * logins nearly always carry one (MEDIUM; HIGH on an unfamiliar network or with an unseen UA family); an unseen UA
 * family alone is weaker. A browser update keeps its family (the version is not part of
 * it), so it is not a new device. False positives: new phones and laptops — usually bought and first used at
 * home, which is why the scorer needs another unfamiliar feature before it challenges.
 *
 * <p>Trust grows with repetition, so two weaker cases are raised LOW, to rank such logins above the user's
 * established ones without ever challenging on their own: an account's first successful login (no device is known
 * yet, so nothing vouches for it; a dormant account's takeover looks the same), and a login whose device and network
 * are both known from about one earlier login (after an attacker's first visit slipped through, their return
 * looks exactly like that, while the owner's logins mostly come from a device used for weeks).
 */
final class DeviceDetector implements Detector {
  /** Below this share of the user's logins without a device id, a login without one is out of character. */
  private static final float RARELY_WITHOUT_DEVICE_ID = 0.2f;

  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null || !context.hasHistory()) {
      if (context.login().event().isSuccess() && (profile == null || profile.successes() == 0)) {
        found.raise(SignalType.NEW_DEVICE, Severity.LOW, "first successful login of this account: no device known yet");
      }
      return;
    }
    LoginFeatures login = context.features();
    boolean hasDeviceId = login.key(Feature.DEVICE) != LoginFeatures.ABSENT;
    float deviceTotal = profile.total(Feature.DEVICE);
    boolean missingId = !hasDeviceId && deviceTotal > 0
        && profile.weight(Feature.DEVICE, LoginFeatures.ABSENT) < RARELY_WITHOUT_DEVICE_ID * deviceTotal;
    boolean newId = hasDeviceId && !context.familiar(Feature.DEVICE);
    boolean newFamily = login.key(Feature.UA_FAMILY) != LoginFeatures.ABSENT && !context.familiar(Feature.UA_FAMILY);
    // An unknown device on an unknown network is the targeted attacker's signature (the victim's exact user
    // agent, from elsewhere, without the victim's device cookie); a new device at home is a purchase.
    boolean elsewhere = !context.familiar(Feature.NETWORK);
    String what = context.login().userAgent().display();
    String where = elsewhere ? ", on an unfamiliar network" : "";
    if ((newId || missingId) && newFamily) {
      found.raise(SignalType.NEW_DEVICE, Severity.HIGH, "first login from an unknown device (" + what + ")" + where);
    } else if (newId) {
      found.raise(SignalType.NEW_DEVICE, elsewhere ? Severity.HIGH : Severity.MEDIUM,
          "unknown device id, known browser (" + what + ")" + where);
    } else if (missingId) {
      found.raise(SignalType.NEW_DEVICE, elsewhere ? Severity.HIGH : Severity.MEDIUM,
          "no device id, where the user's logins nearly always carry one (" + what + ")" + where);
    } else if (newFamily) {
      // Without device cookies the browser family is all there is to know a device by: a new one on an
      // unfamiliar network weighs what an unknown cookie there does.
      Severity severity = elsewhere && deviceTotal > 0 && !hasDeviceId && !missingId ? Severity.HIGH
          : hasDeviceId || elsewhere ? Severity.MEDIUM : Severity.LOW;
      found.raise(SignalType.NEW_DEVICE, severity, "first login with " + what + where);
    } else if (hasDeviceId && !elsewhere && !context.established(Feature.DEVICE)
        && !context.established(Feature.NETWORK)) {
      found.raise(SignalType.NEW_DEVICE, Severity.LOW,
          "device and network each known from only one or two logins (" + what + ")");
    }
  }
}
