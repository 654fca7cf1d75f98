package dev.vigil.server.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incident as the API shows it.
 *
 * @param subject {@code user:alice} or {@code network:81.2.69.xxx}
 * @param severity {@code low}..{@code critical}: the level of the highest score among its logins
 * @param signalTypes every signal type of its logins, lower case
 * @param origin {@code detected}, {@code manual} or {@code replay}
 * @param rollbackState NONE, PARTIAL (an undo failed and is being retried) or COMPLETE
 * @param version incremented by every change
 */
public record Incident(String id, String tenantId, String subject, IncidentStatus status, String severity,
    int maxScore, List<String> signalTypes, String origin, String traceId, @Nullable String note,
    String rollbackState, Instant openedAt, Instant updatedAt, int version) {
  public Incident {
    signalTypes = List.copyOf(signalTypes);
  }
}
