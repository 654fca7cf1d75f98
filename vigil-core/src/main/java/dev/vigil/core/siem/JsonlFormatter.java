package dev.vigil.core.siem;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;

/** Vigil's own assessment JSON, exactly as {@code vigil replay} writes it. */
final class JsonlFormatter implements AssessmentFormatter {
  @Override
  public String format(Assessment assessment, LoginEvent event) {
    return AssessmentJson.toJson(assessment);
  }
}
