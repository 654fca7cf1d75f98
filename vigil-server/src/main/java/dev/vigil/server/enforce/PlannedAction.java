package dev.vigil.server.enforce;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.policy.Action;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An action an incident decided on, before it is stored.
 *
 * @param initial PENDING (to carry out), RECORDED (monitor mode) or NOT_ALLOWED (the tenant's flags forbid it)
 * @param eventReceivedAt when the login that caused it arrived (the start of the response latency); null for
 *     replays
 */
public record PlannedAction(String tenantId, String incidentId, Action action, Target target, String traceId,
    ActionStatus initial, @Nullable Instant eventReceivedAt) {
  public PlannedAction {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(incidentId, "incidentId");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(traceId, "traceId");
    if (initial != ActionStatus.PENDING && initial != ActionStatus.RECORDED && initial != ActionStatus.NOT_ALLOWED) {
      throw new IllegalArgumentException("a planned action starts PENDING, RECORDED or NOT_ALLOWED: " + initial);
    }
  }
}
