package dev.vigil.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * The caller of a request, as its access token and the session behind it say. Controllers receive it with
 * {@code @AuthenticationPrincipal}; everything they read or change is scoped by {@code tenantId} and
 * {@code userId}.
 *
 * @param userId the account
 * @param tenantId the account's tenant
 * @param sessionId the session the access token belongs to
 * @param role the account's role as stored now (not as when the token was issued)
 */
public record AuthenticatedUser(UUID userId, String tenantId, UUID sessionId, Role role) {
  public AuthenticatedUser {
    requireNonNull(userId, "userId");
    requireNonNull(tenantId, "tenantId");
    requireNonNull(sessionId, "sessionId");
    requireNonNull(role, "role");
  }

  /** The user id as stored in {@code login_events.user_id} and {@code security_alerts.user_id}. */
  public String subject() {
    return userId.toString();
  }
}
