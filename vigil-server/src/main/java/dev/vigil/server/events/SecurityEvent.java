package dev.vigil.server.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One outbound security event: the {@code data} of the CloudEvent plus its id and time.
 *
 * @param id the CloudEvent id, unique per event (consumers deduplicate on it)
 * @param type which event
 * @param time when the reported change happened
 * @param action the enforcement action ({@code BLOCK}, {@code FORCE_LOGOUT}, {@code FREEZE}) or {@code ROLLBACK}
 * @param incidentId the incident, when the change belongs to one
 * @param traceId the incident's (or manual action's) trace id, for joining logs and SIEM records
 * @param latencyMs for blocks: from the login's arrival to the action; for rollbacks: from the request to done
 * @param tenantId the tenant
 * @param subject what was acted on ({@code user:alice}, {@code source:81.2.69.xxx}); identifies a person, so
 *     not printed by {@link #toString()}
 */
public record SecurityEvent(UUID id, SecurityEventType type, Instant time, String action, @Nullable String incidentId,
    String traceId, long latencyMs, String tenantId, String subject) {

  public SecurityEvent {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(time, "time");
    requireNonNull(action, "action");
    requireNonNull(traceId, "traceId");
    requireNonNull(tenantId, "tenantId");
    requireNonNull(subject, "subject");
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must not be negative: " + latencyMs);
    }
  }

  @Override
  public String toString() {
    return "SecurityEvent[" + type.cloudEventType() + ", id=" + id + ", tenant=" + tenantId + ", action=" + action
        + ", incident=" + incidentId + "]";
  }
}
