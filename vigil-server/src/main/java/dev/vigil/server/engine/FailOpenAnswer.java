package dev.vigil.server.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.vigil.core.event.LoginEvent;

/**
 * What {@code /api/v1/assess} answers under {@code vigil.assess.on-store-failure=fail-open}: the assessment JSON,
 * and whether it is stored. One that is not carries {@code "degraded":true,"stored":false} after the engine's
 * fields.
 *
 * @param json the answer's JSON object
 * @param stored whether the event and its assessment were committed before the answer
 */
public record FailOpenAnswer(String json, boolean stored) {
  static final String DEGRADED = "\"degraded\":true,\"stored\":false";

  static FailOpenAnswer stored(String json) {
    return new FailOpenAnswer(json, true);
  }

  /** The engine assessed the login but it is not stored (yet): its assessment, marked degraded. */
  static FailOpenAnswer notStored(String assessment) {
    int end = assessment.lastIndexOf('}');
    return new FailOpenAnswer(assessment.substring(0, end) + "," + DEGRADED + assessment.substring(end), false);
  }

  /**
   * Not even assessed (whether it repeats a stored event could not be looked up): ALLOW, as fail-open promises,
   * with nothing else to say.
   */
  static FailOpenAnswer unassessed(LoginEvent event) {
    JsonStringEncoder text = JsonStringEncoder.getInstance();
    return new FailOpenAnswer("{\"eventId\":\"" + new String(text.quoteAsString(event.eventId()))
        + "\",\"tenantId\":\"" + new String(text.quoteAsString(event.tenantId()))
        + "\",\"userId\":\"" + new String(text.quoteAsString(event.userId()))
        + "\",\"decision\":\"ALLOW\",\"signals\":[]," + DEGRADED + "}", false);
  }
}
