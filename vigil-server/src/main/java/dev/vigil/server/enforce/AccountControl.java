package dev.vigil.server.enforce;

import java.util.Collection;
import java.util.List;

/**
 * The narrow port through which the built-in enforcer acts on Vigil's own accounts: sessions (with their
 * refresh tokens) and the frozen flag. The built-in login service implements it over its {@code users},
 * {@code sessions} and {@code refresh_tokens} tables at merge; until then {@link TableAccountControl} keeps the
 * state in tables of its own so the loop is real end to end.
 *
 * <p>Every method is idempotent, joins the caller's transaction, and takes effect at once: the login service's
 * request filter must consult session state and {@link #isFrozen}, not only the JWT signature.
 */
public interface AccountControl {
  /** Revokes every active session (and its refresh token) of the user; returns the ids revoked now. */
  List<String> revokeSessions(String tenantId, String userId);

  /** Revokes those of {@code sessionIds} that are active sessions of the user; returns the ids revoked now. */
  List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds);

  /**
   * Makes revoked sessions valid again, those not expired meanwhile (a rollback).
   *
   * @return the ids restored
   */
  List<String> restoreSessions(String tenantId, Collection<String> sessionIds);

  /** Freezes the account; returns whether it was not frozen before (the before-state a rollback needs). */
  boolean freeze(String tenantId, String userId);

  /** Unfreezes the account; returns whether it was frozen. */
  boolean unfreeze(String tenantId, String userId);

  boolean isFrozen(String tenantId, String userId);
}
