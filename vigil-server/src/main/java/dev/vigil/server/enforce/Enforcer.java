package dev.vigil.server.enforce;

/**
 * The port through which account actions ({@code FORCE_LOGOUT}, {@code FREEZE}, {@code REQUIRE_MFA}) reach the
 * system that owns the accounts. Adapters: {@link BuiltInEnforcer} (Vigil's own sessions, through
 * {@link AccountControl}), {@link WebhookEnforcer} (the customer's system, through a signed webhook) and
 * {@link KeycloakEnforcer} (a Keycloak realm, through its admin REST API).
 *
 * <p>Implementations may be called inside a database transaction holding the action's row lock, so they must
 * be bounded in time (timeouts) and must throw on failure: the action is then retried.
 */
public interface Enforcer {
  /** The adapter's name, stored with each action ({@code builtin}, {@code webhook}). */
  String name();

  /**
   * Carries out the action.
   *
   * @return the before-state needed to undo it
   * @throws EnforcementFailedException when it could not be done (it will be retried)
   */
  Applied apply(EnforcementRequest request);

  /**
   * Undoes an action this adapter carried out, given what it returned then.
   *
   * @throws EnforcementFailedException when it could not be undone (it will be retried)
   */
  void undo(EnforcementRequest request, Applied applied);
}
