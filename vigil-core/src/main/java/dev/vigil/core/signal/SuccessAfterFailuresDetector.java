package dev.vigil.core.signal;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.SourceActivity;
import dev.vigil.core.profile.UserProfile;
import dev.vigil.core.signal.DetectionContext.SourceLevel;

/**
 * SUCCESS_AFTER_FAILURES: a success right after a burst of failures (seed 001) — the guess that worked.
 *
 * <p>Evidence: the account failed at least 3 times in the last 30 minutes, or this address failed against at
 * least 3 other accounts in that time (a sprayed or stuffed password that hit), or the account failed twice and
 * the success comes from a network and a device the user has never used (MEDIUM: a short guess list that worked).
 * False positives: the user who forgot their password and then remembered it — from their own provider and
 * device, which makes it LOW; from an unfamiliar network and device it is HIGH.
 */
final class SuccessAfterFailuresDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    UserProfile profile = context.profile();
    if (profile == null || !context.isSuccess()) {
      return;
    }
    var settings = context.settings().successAfterFailures();
    int now = context.features().second();
    int failures = profile.failuresBetween(now - (int) settings.window().toSeconds(), now);
    long minutes = settings.window().toMinutes();
    if (failures >= settings.failures()) {
      // "At home" is the user's own provider (a forgotten password is often typed after a router restart gave a
      // new address) and a device they use.
      boolean atHome = context.familiar(Feature.ASN) && (context.familiar(Feature.DEVICE)
          || context.familiar(Feature.UA_FAMILY));
      found.raise(SignalType.SUCCESS_AFTER_FAILURES, atHome ? Severity.LOW : Severity.HIGH,
          "success after " + failures + " failures in " + minutes + " min"
              + (atHome ? " from a known network and device" : " from an unfamiliar network or device"));
      return;
    }
    // Two wrong guesses and then the right one, from a provider and device the user has never used: a short
    // list of the victim's old passwords tried by someone else. The owner's typos come from their own device on a
    // new network, or a new phone on their own carrier; measured, this costs almost no false positives, where
    // lowering `failures` itself challenged young profiles' typos (EVALUATION.md change 15).
    if (failures >= settings.strangerFailures() && !context.familiar(Feature.ASN)
        && !context.familiar(Feature.DEVICE)) {
      found.raise(SignalType.SUCCESS_AFTER_FAILURES, Severity.MEDIUM, "success after " + failures
          + " failures in " + minutes + " min from a network and device the user has never used");
      return;
    }
    SourceActivity.Window source = context.source(SourceLevel.ADDRESS, settings.window());
    int otherAccounts = source.distinctFailedUsers();
    if (otherAccounts >= settings.failures()) {
      found.raise(SignalType.SUCCESS_AFTER_FAILURES, Severity.HIGH,
          "success from an address that failed against " + otherAccounts + " accounts in " + minutes + " min");
    }
  }
}
