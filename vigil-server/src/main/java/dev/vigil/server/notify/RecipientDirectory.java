package dev.vigil.server.notify;

import java.util.Optional;

/**
 * Finds a user's email address when a message to them is sent (addresses are never stored in the outbox).
 *
 * <p>A port: the built-in login service provides it over its {@code users} table
 * ({@code auth.AccountRecipients}); without it, {@link ConfiguredRecipients} reads the demo/test mapping
 * {@code vigil.notify.user-emails}.
 */
public interface RecipientDirectory {
  /** The user's address; empty when there is none (the message is then skipped, not retried). */
  Optional<String> emailOf(String tenantId, String userId);
}
