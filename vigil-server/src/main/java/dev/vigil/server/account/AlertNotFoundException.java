package dev.vigil.server.account;

import dev.vigil.core.event.VigilException;

/** The caller has no alert with this id — whether it does not exist or belongs to someone else: 404 either way. */
public final class AlertNotFoundException extends VigilException {
  AlertNotFoundException(long alertId) {
    super("no alert " + alertId + " for this user");
  }
}
