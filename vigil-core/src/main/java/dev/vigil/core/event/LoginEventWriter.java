package dev.vigil.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes login events in the JSON contract of DESIGN.md §3 — the inverse of {@link LoginEventReader}. Absent
 * optional fields are left out rather than written as {@code null}, which keeps JSONL files small.
 */
public final class LoginEventWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private LoginEventWriter() {}

  /** The event as one line of JSON (no trailing newline). */
  public static String toJson(LoginEvent event) {
    StringWriter out = new StringWriter(384);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(event, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes the event as one JSON object to {@code json}. */
  public static void write(LoginEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("eventId", event.eventId());
    json.writeStringField("tenantId", event.tenantId());
    json.writeStringField("userId", event.userId());
    json.writeStringField("timestamp", event.timestamp().toString());
    json.writeStringField("outcome", event.outcome().name());
    if (event.failureReason() != null) {
      json.writeStringField("failureReason", event.failureReason().name());
    }
    json.writeStringField("ip", event.ip().canonical());
    optional(json, "userAgent", event.userAgent());
    optional(json, "deviceId", event.deviceId());
    Geo geo = event.geo();
    if (geo != null) {
      json.writeObjectFieldStart("geo");
      optional(json, "country", geo.country());
      optional(json, "region", geo.region());
      optional(json, "city", geo.city());
      if (geo.lat() != null) {
        json.writeNumberField("lat", geo.lat());
      }
      if (geo.lon() != null) {
        json.writeNumberField("lon", geo.lon());
      }
      if (geo.asn() != null) {
        json.writeNumberField("asn", geo.asn());
      }
      optional(json, "asOrg", geo.asOrg());
      json.writeEndObject();
    }
    optional(json, "authMethod", event.authMethod());
    optional(json, "sessionId", event.sessionId());
    if (!event.attributes().isEmpty()) {
      json.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(event.attributes()).entrySet()) {
        json.writeStringField(attribute.getKey(), attribute.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, @Nullable String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }
}
