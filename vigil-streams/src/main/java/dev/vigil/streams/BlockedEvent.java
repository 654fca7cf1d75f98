package dev.vigil.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A DENY decision as a CloudEvents 1.0 JSON envelope (structured mode) for {@link Topics#BLOCKED}, the outbound
 * event of DESIGN.md §3. {@code id} is tenant/eventId, so a consumer can de-duplicate; {@code time} is the login's
 * own time, so re-processing writes the same envelope; {@code data} is the assessment.
 */
final class BlockedEvent {
  static final String TYPE = "dev.vigil.login.blocked";
  private static final JsonFactory JSON = new JsonFactory();

  private BlockedEvent() {}

  static String toJson(Assessment assessment, String source) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("specversion", "1.0");
      json.writeStringField("id", assessment.tenantId() + "/" + assessment.eventId());
      json.writeStringField("source", source);
      json.writeStringField("type", TYPE);
      json.writeStringField("time", assessment.timestamp().toString());
      json.writeStringField("datacontenttype", "application/json");
      json.writeStringField("subject", assessment.eventId());
      json.writeFieldName("data");
      AssessmentJson.write(assessment, json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
