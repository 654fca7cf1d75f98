package dev.vigil.server.auth;

import dev.vigil.server.notify.NotifySettings;
import dev.vigil.server.notify.RecipientDirectory;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where notifications to a user go: the email the account signed up with, read when the message is sent (so
 * the outbox never stores an address, and a changed address counts at once). A user id that is no account of
 * the tenant (a user of an application that only calls the engine API) falls back to the configured mapping
 * {@code vigil.notify.user-emails}, else has no address and the message is skipped.
 */
@Component
final class AccountRecipients implements RecipientDirectory {
  private final JdbcClient jdbc;
  private final NotifySettings settings;

  AccountRecipients(JdbcClient jdbc, NotifySettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public Optional<String> emailOf(String tenantId, String userId) {
    return accountId(userId)
        .flatMap(id -> jdbc.sql("SELECT email FROM users WHERE tenant_id = :tenant AND id = :id")
            .param("tenant", tenantId).param("id", id)
            .query(String.class).optional())
        .or(() -> settings.configuredEmailOf(tenantId, userId));
  }

  private static Optional<UUID> accountId(String userId) {
    try {
      return Optional.of(UUID.fromString(userId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
