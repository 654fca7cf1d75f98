package dev.vigil.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One login attempt as Vigil's event contract wants it (DESIGN.md §3): {@code userId} is the Keycloak username, so
 * failures against an unknown user and a known one land on the same key; {@code attributes} carry the realm, the
 * client and Keycloak's error code. The tenant is left out: Vigil takes it from the API key.
 *
 * @param failureReason null for a success
 * @param userAgent null when the browser sent none
 * @param sessionId Keycloak's (root authentication / user) session id, null when there is none yet
 */
record LoginRecord(String eventId, String userId, Instant timestamp, boolean success, @Nullable String failureReason,
    String ip, @Nullable String userAgent, @Nullable String realm, @Nullable String clientId, @Nullable String error,
    @Nullable String sessionId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  LoginRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(ip, "ip");
  }

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("eventId", eventId);
    root.put("userId", userId);
    root.put("timestamp", timestamp.toString());
    root.put("outcome", success ? "SUCCESS" : "FAILURE");
    if (!success) {
      root.put("failureReason", failureReason == null ? "OTHER" : failureReason);
    }
    root.put("ip", ip);
    if (userAgent != null) {
      root.put("userAgent", userAgent);
    }
    root.put("authMethod", "password");
    if (sessionId != null) {
      root.put("sessionId", sessionId);
    }
    ObjectNode attributes = root.putObject("attributes");
    attributes.put("source", "keycloak");
    if (realm != null) {
      attributes.put("realm", realm);
    }
    if (clientId != null) {
      attributes.put("client", clientId);
    }
    if (error != null) {
      attributes.put("error", error);
    }
    return root.toString();
  }

  /** Names no user, address or agent: these records reach logs only by mistake. */
  @Override
  public String toString() {
    return "LoginRecord[eventId=" + eventId + ", success=" + success + ", failureReason=" + failureReason + "]";
  }
}
