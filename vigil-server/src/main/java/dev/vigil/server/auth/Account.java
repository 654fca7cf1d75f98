package dev.vigil.server.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code users}.
 *
 * @param id the account id, also the {@code userId} of its login events and alerts
 * @param tenantId its tenant
 * @param email the login name, trimmed and lower-cased
 * @param passwordHash the encoded hash ({@code {argon2}…}); never leaves the service
 * @param role what the account may do
 * @param frozen whether incident response froze it: no login, no token honoured
 * @param createdAt when it was registered
 */
record Account(UUID id, String tenantId, String email, String passwordHash, Role role, boolean frozen,
    Instant createdAt) {
  @Override
  public String toString() {
    return "Account[id=" + id + ", tenantId=" + tenantId + ", role=" + role + ", frozen=" + frozen + "]";
  }
}
