package dev.vigil.core.signal;

import dev.vigil.core.enrich.NetworkInfo;
import dev.vigil.core.profile.Feature;

/**
 * BLOCKLISTED_IP, ANONYMIZER, HOSTING_NETWORK, SCRIPTED_CLIENT: where the login comes from and what sends it.
 *
 * <p>Targets attackers hiding behind VPNs, proxies and cloud servers, and scripts (stuffing tools send
 * library user agents). An operator allowlist (office egress, corporate VPN) silences the network signals;
 * a blocklist is HIGH. False positives: people on commercial VPNs and corporate VPNs in the cloud — once
 * the user's history knows the AS, the network signals drop to LOW; monitoring scripts that log in with a
 * service account (scripted, but from a familiar AS).
 */
final class NetworkReputationDetector implements Detector {
  @Override
  public void inspect(DetectionContext context, Signals found) {
    NetworkInfo network = context.login().network();
    if (network.blocklisted()) {
      found.raise(SignalType.BLOCKLISTED_IP, Severity.HIGH, "address " + context.event().ip().masked()
          + " is on the operator blocklist");
    }
    if (network.allowlisted()) {
      return;
    }
    boolean knownNetwork = context.familiar(Feature.ASN);
    String org = network.asOrg() == null ? "AS" + network.asn() : network.asOrg();
    switch (network.category()) {
      case ANONYMIZER -> found.raise(SignalType.ANONYMIZER, knownNetwork ? Severity.LOW : Severity.MEDIUM,
          "anonymizing network (" + org + ")" + (knownNetwork ? ", used before" : ""));
      case HOSTING -> found.raise(SignalType.HOSTING_NETWORK, knownNetwork ? Severity.LOW : Severity.MEDIUM,
          "hosting provider network (" + org + ")" + (knownNetwork ? ", used before" : ""));
      case ISP, MOBILE, UNKNOWN -> { }
    }
    if (context.login().userAgent().automated()) {
      boolean knownClient = context.familiar(Feature.UA_FAMILY);
      found.raise(SignalType.SCRIPTED_CLIENT, knownClient ? Severity.LOW : Severity.MEDIUM,
          "scripted client (" + context.login().userAgent().browserFamily() + ")");
    }
  }
}
