package dev.vigil.server.auth;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.server.alert.SecurityAlert;
import dev.vigil.server.engine.AssessedLogin;
import java.util.List;

/**
 * What the login service does with the engine's answer for one attempt.
 *
 * @param decision the decision to enforce: the engine's, or ALLOW when the tenant only monitors or when the
 *     engine could not assess the login
 * @param alerts the alert the login raised now, shown in the login response
 */
record Verdict(Decision decision, List<SecurityAlert> alerts) {
  /** The verdict when anomaly processing failed: login must not break because detection did. */
  static final Verdict UNASSESSED = new Verdict(Decision.ALLOW, List.of());

  Verdict {
    alerts = List.copyOf(alerts);
  }

  static Verdict of(AssessedLogin assessed) {
    Assessment assessment = assessed.assessment();
    if (assessment == null) {
      return UNASSESSED; // a repeated event id; the login service never repeats one
    }
    Decision enforced = assessment.mode() == PolicyMode.MONITOR ? Decision.ALLOW : assessment.decision();
    return new Verdict(enforced, assessed.alerts());
  }
}
