package dev.vigil.server.alert;

import java.util.List;

/**
 * Told of alerts as they are stored, inside the transaction that stores them, so that what it writes (an outbox
 * row, an incident) commits or rolls back with the alert. Implementations must not call out of the process:
 * delivery happens after commit, from the outbox.
 */
public interface NewAlertListener {
  void onNewAlerts(List<SecurityAlert> alerts);
}
