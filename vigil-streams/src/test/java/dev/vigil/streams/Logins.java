package dev.vigil.streams;

import java.time.Instant;
import java.util.Locale;

/** Named JSON fixtures for login events, in the contract's wire form. */
final class Logins {
  static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/142.0.0.0 Safari/537.36";
  static final String BERLIN_GEO =
      "{\"country\":\"DE\",\"region\":\"BE\",\"city\":\"Berlin\",\"lat\":52.52,\"lon\":13.40,\"asn\":3320,"
          + "\"asOrg\":\"Deutsche Telekom AG\"}";
  static final String SAO_PAULO_VPN_GEO =
      "{\"country\":\"BR\",\"region\":\"SP\",\"city\":\"Sao Paulo\",\"lat\":-23.55,\"lon\":-46.63,\"asn\":9009,"
          + "\"asOrg\":\"M247 Europe SRL\"}";

  private Logins() {}

  /** Alice's usual login: Berlin, her laptop's device id, Chrome. */
  static String homeSuccess(String eventId, String user, Instant at) {
    return event(eventId, user, at, "SUCCESS", null, "81.2.69.10", BERLIN_GEO, "d-" + user);
  }

  /** A failed password from the attacker's VPN exit in São Paulo. */
  static String attackerFailure(String eventId, String user, Instant at, int host) {
    return event(eventId, user, at, "FAILURE", "BAD_PASSWORD", "185.153.176." + host, SAO_PAULO_VPN_GEO, null);
  }

  /** A success from the attacker's VPN exit after the failures. */
  static String attackerSuccess(String eventId, String user, Instant at) {
    return event(eventId, user, at, "SUCCESS", null, "185.153.176.7", SAO_PAULO_VPN_GEO, "d-attacker");
  }

  static String event(String eventId, String user, Instant at, String outcome, String reason, String ip, String geo,
      String deviceId) {
    return String.format(Locale.ROOT,
        "{\"eventId\":\"%s\",\"tenantId\":\"acme\",\"userId\":\"%s\",\"timestamp\":\"%s\",\"outcome\":\"%s\","
            + "\"failureReason\":%s,\"ip\":\"%s\",\"userAgent\":\"%s\",\"deviceId\":%s,\"geo\":%s}",
        eventId, user, at, outcome, reason == null ? "null" : "\"" + reason + "\"", ip, CHROME,
        deviceId == null ? "null" : "\"" + deviceId + "\"", geo);
  }
}
