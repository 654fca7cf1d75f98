package dev.vigil.server.enforce;

import java.util.Collection;
import java.util.List;

/**
 * The narrow port through which the built-in enforcer acts on Vigil's own accounts: sessions (with their
 * refresh tokens) and the frozen flag. Kept narrow so that enforcement does not depend on the login service's
 * internals: {@code auth.SessionAccountControl} implements it over the {@code users}, {@code sessions} and
 * {@code refresh_tokens} tables.
 *
 * <p>Every method is idempotent, joins the caller's transaction, and takes effect at once: the login service's
 * request filter consults session state and the frozen flag on every request, not only the JWT signature.
 */
public interface AccountControl {
  /** Revokes every active session (and its refresh token) of the user; returns the ids revoked now. */
  List<String> revokeSessions(String tenantId, String userId);

  /** Revokes those of {@code sessionIds} that are active sessions of the user; returns the ids revoked now. */
  List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds);

  /**
   * Makes sessions revoked by {@link #revokeSessions} valid again, with the latest refresh token of each, those
   * not expired meanwhile (a rollback).
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
