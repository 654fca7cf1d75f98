package dev.vigil.core.signal;

import dev.vigil.core.profile.UserProfile;

/**
 * BRUTE_FORCE: many failures against one account in a short window (default 5 in 15 minutes).
 *
 * <p>Targets password guessing on one account. Evidence: the account's failure ring, this attempt included.
 * Unlike Keycloak's per-user lockout (keycloak#46164), the verdict is bound to the source: failures from the
 * attacking network make that network's attempts HIGH, while the real user logging in from a network they
 * know is not touched — an attacker cannot lock a user out of their own device. Failures spread over many
 * networks (a distributed guess) raise MEDIUM for attempts from unfamiliar networks only. False positives: a
 * user who forgot their password (usually below the threshold, and from a familiar network).
 */
final class BruteForceDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null || context.isSuccess()) {
      return;
    }
    var settings = context.settings().bruteForce();
    int now = context.features().second();
    int from = now - (int) settings.window().toSeconds();
    int source = sourceKey(context.event().ip().networkKey());
    int fromSource = profile.failuresBetweenFrom(from, now, source);
    long minutes = settings.window().toMinutes();
    if (fromSource >= settings.failures()) {
      found.raise(SignalType.BRUTE_FORCE, Severity.HIGH,
          fromSource + " failures on this account from this network in " + minutes + " min");
      return;
    }
    int all = profile.failuresBetween(from, now);
    if (all >= settings.failures() && !context.familiar(dev.vigil.core.profile.Feature.NETWORK)) {
      found.raise(SignalType.BRUTE_FORCE, Severity.MEDIUM,
          all + " failures on this account from several networks in " + minutes + " min");
    }
  }

  /** The source key the engine records failures under: the /24 or /48, folded to 32 bits. */
  static int sourceKey(long networkKey) {
    return (int) networkKey ^ (int) (networkKey >>> 32);
  }
}
