package dev.vigil.server.flags;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.signal.SignalType;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's flags.
 *
 * @param mode {@code MONITOR} records actions without executing them, {@code ENFORCE} executes them; also the
 *     mode the engine stamps on the tenant's assessments (the login service enforces nothing in monitor mode);
 *     null: the configured policy's mode
 * @param allowedActions actions that may be executed for this tenant; others are recorded as not allowed
 * @param disabledDetectors signal types the engine does not raise for this tenant (and, for assessments stored
 *     before the change, that are ignored when deciding whether a login opens an incident)
 * @param challengeAt the score from which the engine challenges a login; null: the configured policy's
 * @param denyAt the score from which the engine denies a login carrying attack evidence (101 = never on score);
 *     null: the configured policy's. Both thresholds are checked against each other once combined with the
 *     configured policy ({@code EngineFlags#settingsFor})
 * @param incidentAt the score at which a login opens an incident; null: the engine policy's {@code incidentAt}
 * @param playbookActions actions added to those the engine's policy asks for when a <em>successful</em> login
 *     scoring at least {@code playbookAt} opens or joins an incident (the engine only asks for a logout or a
 *     freeze on denied logins; a challenged success at incident level may already hold a session)
 * @param playbookAt the score from which the playbook applies; 101 = never
 * @param version row version, incremented by each change
 */
public record TenantFlags(String tenantId, @Nullable PolicyMode mode, Set<Action> allowedActions,
    Set<SignalType> disabledDetectors, @Nullable Integer challengeAt, @Nullable Integer denyAt,
    @Nullable Integer incidentAt, Set<Action> playbookActions, int playbookAt,
    int version) {

  /** The actions an enforcer can carry out; NOTIFY_USER and OPEN_INCIDENT are handled elsewhere. */
  public static final Set<Action> ENFORCEABLE = Set.copyOf(
      EnumSet.of(Action.REQUIRE_MFA, Action.BLOCK, Action.FORCE_LOGOUT, Action.FREEZE, Action.PAGE));

  public TenantFlags {
    requireNonNull(tenantId, "tenantId");
    allowedActions = Set.copyOf(allowedActions);
    disabledDetectors = Set.copyOf(disabledDetectors);
    playbookActions = Set.copyOf(playbookActions);
    if (challengeAt != null && (challengeAt < 1 || challengeAt > 100)) {
      throw new IllegalArgumentException("challengeAt must be within 1..100: " + challengeAt);
    }
    if (denyAt != null && (denyAt < 1 || denyAt > 101)) {
      throw new IllegalArgumentException("denyAt must be within 1..101 (101 = never deny on score): " + denyAt);
    }
    if (challengeAt != null && denyAt != null && denyAt < challengeAt) {
      throw new IllegalArgumentException("denyAt must not be below challengeAt: " + denyAt + " < " + challengeAt);
    }
    if (incidentAt != null && (incidentAt < 1 || incidentAt > 101)) {
      throw new IllegalArgumentException("incidentAt must be within 1..101: " + incidentAt);
    }
    if (playbookAt < 1 || playbookAt > 101) {
      throw new IllegalArgumentException("playbookAt must be within 1..101: " + playbookAt);
    }
    for (Action action : playbookActions) {
      if (!ENFORCEABLE.contains(action)) {
        throw new IllegalArgumentException("playbookActions may only hold " + ENFORCEABLE + ": " + action);
      }
    }
  }

  /** The flags of a tenant nobody has configured. */
  public static TenantFlags defaults(String tenantId) {
    return new TenantFlags(tenantId, null, ENFORCEABLE, Set.of(), null, null, null, Set.of(), 101, 0);
  }

  public boolean allows(Action action) {
    return allowedActions.contains(action);
  }

  public boolean detectorEnabled(SignalType type) {
    return !disabledDetectors.contains(type);
  }
}
