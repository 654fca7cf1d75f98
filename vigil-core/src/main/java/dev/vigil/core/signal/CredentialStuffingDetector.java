package dev.vigil.core.signal;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.SourceActivity;
import dev.vigil.core.profile.TenantActivity;
import dev.vigil.core.signal.DetectionContext.SourceLevel;
import java.time.Duration;
import java.util.Locale;

/**
 * CREDENTIAL_STUFFING: leaked username/password lists replayed against the tenant.
 *
 * <p>Two kinds of evidence. Per source: one address or /24 naming several user names the tenant does not have
 * (default 3 in an hour) — lists are full of them, real people mistype their own name once. Tenant-wide: a
 * surge of failures well above the tenant's baseline (default ≥ 15 in 10 minutes and 5× the baseline) most of
 * which carry a stuffing mark (unknown user, scripted client, hosting network) — the pattern of a botnet that
 * rotates addresses faster than any per-source rule can see. During a surge, every attempt that carries a mark,
 * and every success from an AS the user does not know, is raised: the campaign raises every account's risk.
 * False positives: a tenant-wide outage (failures, but no marks), a marketing e-mail bringing back users who
 * forgot their names (unknown users, but from familiar consumer networks and browsers).
 */
final class CredentialStuffingDetector implements Detector {
  /** Accounts an AS must have failed against within the surge window to count as one of the campaign's sources. */
  private static final int CAMPAIGN_SOURCE_ACCOUNTS = 3;

  @Override
  public void inspect(DetectionContext context, Signals found) {
    var settings = context.settings().stuffing();
    for (SourceLevel level : new SourceLevel[] {SourceLevel.ADDRESS, SourceLevel.NETWORK}) {
      SourceActivity.Window window = context.source(level, settings.sourceWindow());
      if (window.distinctUnknownUsers() >= settings.unknownUsersPerSource()) {
        found.raise(SignalType.CREDENTIAL_STUFFING, Severity.HIGH, "this "
            + (level == SourceLevel.ADDRESS ? "address" : "network") + " tried " + window.distinctUnknownUsers()
            + " unknown user names in " + settings.sourceWindow().toMinutes() + " min");
        return;
      }
    }
    TenantActivity.Window tenant = context.tenantWindow(settings.surgeWindowMinutes());
    double expected = tenant.minutesObserved() >= 60 ? tenant.expectedFailures() : 0;
    boolean surge = tenant.failures() >= settings.minSurgeFailures()
        && tenant.failures() >= settings.surgeFactor() * expected
        && tenant.suspiciousShare() >= settings.minSuspiciousShare();
    if (!surge) {
      return;
    }
    boolean knownProvider = context.familiar(Feature.ASN);
    // A VPN or cloud provider the user's own history knows is their way in, not the campaign's mark: the botnet
    // may rent from the same provider, but this user's success there is what they always do.
    boolean obscuredMark = context.obscuredNetwork() && !(context.isSuccess() && knownProvider);
    boolean scripted = context.login().userAgent().automated();
    boolean marked = context.isUnknownUser() || scripted || obscuredMark;
    // A new address inside the user's own provider is DHCP churn, not the campaign: only a success from an AS
    // the user has never used is raised.
    boolean unfamiliarSuccess = context.isSuccess() && context.hasHistory() && !knownProvider;
    if (marked || unfamiliarSuccess) {
      // A failed attempt with a mark is the campaign's. A success from a VPN is the campaign's hit only when that
      // provider is itself among the campaign's sources; otherwise it may be someone trying their new VPN while the
      // botnet works elsewhere — worth a challenge (MEDIUM), not a denial.
      boolean evidence = marked && (!context.isSuccess() || scripted || providerInCampaign(context, settings));
      found.raise(SignalType.CREDENTIAL_STUFFING, evidence ? Severity.HIGH : Severity.MEDIUM, String.format(Locale.ROOT,
          "tenant-wide surge: %d failures in %d min (%.0f expected), %.0f%% from scripts, hosting or unknown users",
          tenant.failures(), settings.surgeWindowMinutes(), expected, tenant.suspiciousShare() * 100));
    }
  }

  /** Whether this login's AS failed against several accounts during the surge window. */
  private static boolean providerInCampaign(DetectionContext context, DetectionSettings.Stuffing settings) {
    return context.source(SourceLevel.SYSTEM, Duration.ofMinutes(settings.surgeWindowMinutes()))
        .distinctFailedUsers() >= CAMPAIGN_SOURCE_ACCOUNTS;
  }
}
