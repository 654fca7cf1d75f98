package dev.vigil.server.engine;

import dev.vigil.core.policy.Assessment;
import dev.vigil.server.alert.SecurityAlert;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline answers for one login, after everything is stored.
 *
 * @param json the assessment exactly as first returned (and stored)
 * @param assessment the assessment made now; null when the eventId had been assessed before and {@code json} is
 *     the stored answer
 * @param alert the alert this login raised now, if any
 */
public record AssessedLogin(String json, @Nullable Assessment assessment, Optional<SecurityAlert> alert) {
  /** Whether this eventId had been assessed before, so nothing was assessed or stored now. */
  public boolean repeated() {
    return assessment == null;
  }

  public List<SecurityAlert> alerts() {
    return alert.stream().toList();
  }
}
