package dev.vigil.core.signal;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;

/**
 * NEW_DEVICE: a device id, or a user-agent family (browser + OS + device class), the user has not used.
 *
 * <p>Targets takeover from the attacker's machine. Evidence: an unseen device cookie is strong (MEDIUM); an
 * unseen UA family without a cookie is weaker. A browser update keeps its family (the version is not part of
 * it), so it is not a new device. False positives: new phones and laptops — usually bought and first used at
 * home, which is why the scorer needs another unfamiliar feature before it challenges.
 */
final class DeviceDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    if (!context.hasHistory()) {
      return;
    }
    LoginFeatures login = context.features();
    boolean hasDeviceId = login.key(Feature.DEVICE) != LoginFeatures.ABSENT;
    boolean newDevice = hasDeviceId && !context.familiar(Feature.DEVICE);
    boolean newFamily = login.key(Feature.UA_FAMILY) != LoginFeatures.ABSENT && !context.familiar(Feature.UA_FAMILY);
    String what = context.login().userAgent().display();
    if (newDevice && newFamily) {
      found.raise(SignalType.NEW_DEVICE, Severity.HIGH, "first login from an unknown device (" + what + ")");
    } else if (newDevice) {
      found.raise(SignalType.NEW_DEVICE, Severity.MEDIUM, "unknown device id, known browser (" + what + ")");
    } else if (newFamily) {
      found.raise(SignalType.NEW_DEVICE, hasDeviceId ? Severity.LOW : Severity.MEDIUM,
          "first login with " + what);
    } else if (!hasDeviceId && context.profile() != null
        && context.profile().weight(Feature.DEVICE, LoginFeatures.ABSENT) < 0.05f
        && context.profile().total(Feature.DEVICE) > 0) {
      found.raise(SignalType.NEW_DEVICE, Severity.LOW, "no device id, where the user always has one");
    }
  }
}
