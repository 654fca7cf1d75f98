package dev.vigil.core.signal;

import java.util.Locale;

/** Every kind of signal a detector can raise (DESIGN.md §4). */
public enum SignalType {
  /** The exact address is not among the user's recent successful addresses. */
  NEW_IP,
  /** The /24 (IPv4) or /48 (IPv6) network is unfamiliar for the user. */
  NEW_NETWORK,
  /** The autonomous system (ISP, carrier, cloud) is unfamiliar for the user. */
  NEW_ASN,
  /** A country the user has not logged in from. */
  NEW_COUNTRY,
  /** A city the user has not logged in from, in a familiar country. */
  NEW_CITY,
  /** A device id or user-agent family (browser, OS, device class) the user has not used. */
  NEW_DEVICE,
  /** Outside the user's usual hours. */
  UNUSUAL_HOUR,
  /** Faster travel from the previous login than an airliner. */
  IMPOSSIBLE_TRAVEL,
  /** Many failures against one account in a short window. */
  BRUTE_FORCE,
  /** One source failing against many accounts, a few tries each. */
  PASSWORD_SPRAY,
  /** A tenant-wide surge of failures from many sources, typically scripted and with unknown users. */
  CREDENTIAL_STUFFING,
  /** A success right after a burst of failures on the same account or from the same source. */
  SUCCESS_AFTER_FAILURES,
  /** The network is a VPN, proxy or Tor exit. */
  ANONYMIZER,
  /** The network belongs to a hosting or cloud provider, where people rarely sit. */
  HOSTING_NETWORK,
  /** The address is on an operator blocklist. */
  BLOCKLISTED_IP,
  /** The client is a script or library rather than a browser or app. */
  SCRIPTED_CLIENT,
  /** The statistical or machine-learned model finds the login unlike the user's and the population's. */
  ANOMALY;

  /**
   * Whether this type is evidence of an attack in progress — velocity (brute force, spray, stuffing, a success
   * right after failures) or an operator blocklist — as opposed to unfamiliarity (new place, device, hour; the
   * models' anomaly), suspicious context (anonymizer, hosting network, scripted client) or impossible travel.
   * Only attack evidence may turn a high score into a denial: travellers with new phones, people who start using a
   * VPN, and corporate VPNs whose egress hops between countries look unfamiliar, suspicious or impossibly fast
   * too, and are challenged instead (travel challenges by default through {@code policy.challengeOn}).
   */
  public boolean attackEvidence() {
    return switch (this) {
      case BRUTE_FORCE, PASSWORD_SPRAY, CREDENTIAL_STUFFING, SUCCESS_AFTER_FAILURES, BLOCKLISTED_IP -> true;
      case NEW_IP, NEW_NETWORK, NEW_ASN, NEW_COUNTRY, NEW_CITY, NEW_DEVICE, UNUSUAL_HOUR, ANOMALY, ANONYMIZER,
          HOSTING_NETWORK, SCRIPTED_CLIENT, IMPOSSIBLE_TRAVEL -> false;
    };
  }

  /**
   * Whether this type says the login is unlike the user's own history — a place, device or hour the profile does
   * not know yet, a journey from the last known place, or the models' anomaly — which the user's next logins from
   * there resolve. Context (anonymizer, hosting network, scripted client) and attack evidence stay whatever the
   * profile learns.
   */
  public boolean unfamiliarity() {
    return switch (this) {
      case NEW_IP, NEW_NETWORK, NEW_ASN, NEW_COUNTRY, NEW_CITY, NEW_DEVICE, UNUSUAL_HOUR, IMPOSSIBLE_TRAVEL, ANOMALY ->
          true;
      case BRUTE_FORCE, PASSWORD_SPRAY, CREDENTIAL_STUFFING, SUCCESS_AFTER_FAILURES, BLOCKLISTED_IP, ANONYMIZER,
          HOSTING_NETWORK, SCRIPTED_CLIENT -> false;
    };
  }

  /**
   * Whether this type says the login comes from somewhere the user has not been: a new network, AS, country or
   * city, or a journey no one makes. A new address inside a known network is not a new place.
   */
  public boolean newPlace() {
    return switch (this) {
      case NEW_NETWORK, NEW_ASN, NEW_COUNTRY, NEW_CITY, IMPOSSIBLE_TRAVEL -> true;
      case NEW_IP, NEW_DEVICE, UNUSUAL_HOUR, BRUTE_FORCE, PASSWORD_SPRAY, CREDENTIAL_STUFFING, SUCCESS_AFTER_FAILURES,
          ANONYMIZER, HOSTING_NETWORK, BLOCKLISTED_IP, SCRIPTED_CLIENT, ANOMALY -> false;
    };
  }

  /** The lower-case name used in logs and metrics, e.g. {@code new_country}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
