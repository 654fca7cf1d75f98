package dev.vigil.server.engine;

import dev.vigil.core.policy.Assessment;
import java.util.concurrent.CompletableFuture;

/**
 * An assessed login on its way to the database, in the order the engine saw it; {@code answer} completes after
 * its transaction committed (or failed).
 */
record PendingWrite(StoredLogin login, Assessment assessment, String json, CompletableFuture<AssessedLogin> answer) {
  String key() {
    return LoginStore.key(login.event().tenantId(), login.event().eventId());
  }

  @Override
  public String toString() {
    return "PendingWrite[" + login + "]";
  }
}
