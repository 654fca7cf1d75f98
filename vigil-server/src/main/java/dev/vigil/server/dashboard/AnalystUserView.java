package dev.vigil.server.dashboard;

import dev.vigil.server.risk.UserRisk;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user as the analysts' console shows it ({@code GET /internal/users/{id}}): the same risk view as the engine
 * API's {@code /api/v1/users/{id}/risk}, plus, for an account of the built-in login service, whether it is frozen
 * and its open sessions. Masked address and user-agent display form only.
 *
 * @param risk profile summary, recent logins with scores, unread alerts
 * @param account the login-service account, absent for users of applications that only call the engine API
 * @param sessions the account's open sessions, newest first (empty without an account)
 */
record AnalystUserView(UserRisk risk, @Nullable AccountState account, List<OpenSession> sessions) {
  AnalystUserView {
    sessions = List.copyOf(sessions);
  }

  /** The account's role and whether it is frozen. */
  record AccountState(String role, boolean frozen) {}

  /** An open session: when it started and from where (masked), and when it expires unless refreshed. */
  record OpenSession(String id, Instant createdAt, Instant expiresAt, @Nullable String ipMasked,
      @Nullable String userAgent) {}
}
