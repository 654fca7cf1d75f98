package dev.vigil.server.enforce;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.policy.Action;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One action to carry out (or undo) on one target.
 *
 * @param sessionIds for {@link Action#FORCE_LOGOUT}: only these sessions; empty: all of the user's
 * @param incidentId the incident that asked for it; null for a manual action
 * @param traceId joins the action's logs, audit rows and outbound events
 */
public record EnforcementRequest(String tenantId, Action action, Target target, List<String> sessionIds,
    @Nullable String incidentId, String traceId) {
  public EnforcementRequest {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(traceId, "traceId");
    sessionIds = List.copyOf(sessionIds);
  }
}
