package dev.vigil.core.event;


import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One login attempt, success or failure, as DESIGN.md §3 defines it. Immutable and already validated: a
 * {@code LoginEvent} that exists obeys the contract.
 *
 * <p>{@link #toString()} prints no identity (user, IP, user agent, device): records print every field by
 * default, and a stray log line must not leak who logged in from where.
 *
 * @param eventId idempotency key, unique per tenant
 * @param tenantId the tenant (application or identity provider realm)
 * @param userId the user name or id as the source knows it; for {@code UNKNOWN_USER} failures, the name tried
 * @param timestamp when the attempt happened (event time, not arrival time)
 * @param outcome success or failure
 * @param failureReason why it failed; {@code null} for successes and for sources that do not say
 * @param ip the client address
 * @param userAgent the client's User-Agent header, truncated to {@link EventLimits#MAX_STRING_LENGTH}
 * @param deviceId a stable device cookie or fingerprint when the caller has one
 * @param geo caller-supplied location and network; {@code null} when enrichment must find it
 * @param authMethod e.g. {@code password}, {@code webauthn}, {@code sso}
 * @param sessionId the session the login created or continued
 * @param attributes free-form string attributes, passed through
 * @param truncatedFields names of fields that were cut to the length limit
 */
public record LoginEvent(
    String eventId,
    String tenantId,
    String userId,
    Instant timestamp,
    Outcome outcome,
    @Nullable FailureReason failureReason,
    IpAddress ip,
    @Nullable String userAgent,
    @Nullable String deviceId,
    @Nullable Geo geo,
    @Nullable String authMethod,
    @Nullable String sessionId,
    Map<String, String> attributes,
    Set<String> truncatedFields) {

  public LoginEvent {
    requireField(eventId, "eventId");
    requireField(tenantId, "tenantId");
    requireField(userId, "userId");
    if (timestamp == null) {
      throw new InvalidEventException("timestamp", "is required");
    }
    if (outcome == null) {
      throw new InvalidEventException("outcome", "is required (SUCCESS or FAILURE)");
    }
    if (ip == null) {
      throw new InvalidEventException("ip", "is required");
    }
    if (outcome == Outcome.SUCCESS && failureReason != null) {
      throw new InvalidEventException("failureReason", "must be null when outcome is SUCCESS");
    }
    attributes = Map.copyOf(attributes);
    truncatedFields = Set.copyOf(truncatedFields);
  }

  /** A minimal valid event; the builder-free way tests and simulators make events. */
  public static LoginEvent of(
      String eventId, String tenantId, String userId, Instant timestamp, Outcome outcome, IpAddress ip) {
    return new LoginEvent(eventId, tenantId, userId, timestamp, outcome, null, ip, null, null, null, null, null,
        Map.of(), Set.of());
  }

  public boolean isSuccess() {
    return outcome == Outcome.SUCCESS;
  }

  public LoginEvent withGeo(@Nullable Geo newGeo) {
    return new LoginEvent(eventId, tenantId, userId, timestamp, outcome, failureReason, ip, userAgent, deviceId,
        newGeo, authMethod, sessionId, attributes, truncatedFields);
  }

  public LoginEvent withUserAgent(@Nullable String newUserAgent) {
    return new LoginEvent(eventId, tenantId, userId, timestamp, outcome, failureReason, ip, newUserAgent,
        deviceId, geo, authMethod, sessionId, attributes, truncatedFields);
  }

  public LoginEvent withDeviceId(@Nullable String newDeviceId) {
    return new LoginEvent(eventId, tenantId, userId, timestamp, outcome, failureReason, ip, userAgent,
        newDeviceId, geo, authMethod, sessionId, attributes, truncatedFields);
  }

  public LoginEvent withFailure(FailureReason reason) {
    return new LoginEvent(eventId, tenantId, userId, timestamp, Outcome.FAILURE, reason, ip, userAgent,
        deviceId, geo, authMethod, sessionId, attributes, truncatedFields);
  }

  @Override
  public String toString() {
    return "LoginEvent[eventId=" + eventId + ", tenantId=" + tenantId + ", timestamp=" + timestamp
        + ", outcome=" + outcome + (failureReason == null ? "" : ", failureReason=" + failureReason) + "]";
  }

  private static void requireField(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventException(field, "is required and must not be blank");
    }
  }

}
