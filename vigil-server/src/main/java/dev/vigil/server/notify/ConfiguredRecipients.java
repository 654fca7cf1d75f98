package dev.vigil.server.notify;

import java.util.Optional;

/** The default {@link RecipientDirectory}: {@code vigil.notify.user-emails.<tenant>.<user>}, else nobody. */
final class ConfiguredRecipients implements RecipientDirectory {
  private final NotifySettings settings;

  ConfiguredRecipients(NotifySettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<String> emailOf(String tenantId, String userId) {
    return settings.configuredEmailOf(tenantId, userId);
  }
}
