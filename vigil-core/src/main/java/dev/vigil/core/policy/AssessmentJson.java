package dev.vigil.core.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON form of an {@link Assessment} (DESIGN.md §3), written and read with Jackson's streaming API. */
public final class AssessmentJson {
  private static final JsonFactory JSON = new JsonFactory();

  private AssessmentJson() {}

  /** The assessment as one line of JSON. */
  public static String toJson(Assessment assessment) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(assessment, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static void write(Assessment a, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("eventId", a.eventId());
    json.writeStringField("tenantId", a.tenantId());
    json.writeStringField("userId", a.userId());
    json.writeStringField("timestamp", a.timestamp().toString());
    json.writeStringField("outcome", a.outcome().name());
    json.writeNumberField("score", a.score());
    json.writeStringField("level", a.level().name());
    json.writeStringField("decision", a.decision().name());
    writeSignals(a.signals(), json);
    if (a.incidentId() == null) {
      json.writeNullField("incidentId");
    } else {
      json.writeStringField("incidentId", a.incidentId());
    }
    json.writeArrayFieldStart("actions");
    for (Action action : EnumSet.copyOf(a.actions().isEmpty() ? EnumSet.noneOf(Action.class) : a.actions())) {
      json.writeString(action.name());
    }
    json.writeEndArray();
    json.writeStringField("mode", a.mode().name());
    json.writeStringField("modelVersion", a.modelVersion());
    json.writeNumberField("latencyMicros", a.latencyMicros());
    json.writeEndObject();
  }

  /**
   * Reads an assessment written by {@link #write}.
   *
   * @throws InvalidEventException when the text is not an assessment
   */
  /**
   * Writes {@code signals} as the {@code "signals"} field: the one JSON shape of a signal, shared by the assessment
   * and the SIEM formats that embed it (weights rounded to three decimals).
   */
  public static void writeSignals(List<Signal> signals, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("signals");
    for (Signal signal : signals) {
      json.writeStartObject();
      json.writeStringField("type", signal.type().name());
      json.writeStringField("severity", signal.severity().name());
      json.writeNumberField("weight", Math.round(signal.weight() * 1000) / 1000.0);
      json.writeStringField("detail", signal.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  public static Assessment read(String text) {
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("$", "an assessment must be a JSON object");
      }
      String eventId = null;
      String tenantId = null;
      String userId = null;
      Instant timestamp = null;
      Outcome outcome = Outcome.SUCCESS;
      int score = 0;
      Decision decision = null;
      List<Signal> signals = new ArrayList<>();
      Set<Action> actions = EnumSet.noneOf(Action.class);
      PolicyMode mode = PolicyMode.ENFORCE;
      String incidentId = null;
      String modelVersion = "unknown";
      long latency = 0;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken token = json.nextToken();
        switch (name) {
          case "eventId" -> eventId = json.getText();
          case "tenantId" -> tenantId = json.getText();
          case "userId" -> userId = json.getText();
          case "timestamp" -> timestamp = Instant.parse(json.getText());
          case "outcome" -> outcome = Outcome.valueOf(json.getText());
          case "score" -> score = json.getIntValue();
          case "decision" -> decision = Decision.valueOf(json.getText());
          case "mode" -> mode = PolicyMode.valueOf(json.getText());
          case "incidentId" -> incidentId = token == JsonToken.VALUE_NULL ? null : json.getText();
          case "modelVersion" -> modelVersion = json.getText();
          case "latencyMicros" -> latency = json.getLongValue();
          case "actions" -> {
            while (json.nextToken() == JsonToken.VALUE_STRING) {
              actions.add(Action.valueOf(json.getText()));
            }
          }
          case "signals" -> {
            while (json.nextToken() == JsonToken.START_OBJECT) {
              signals.add(readSignal(json));
            }
          }
          default -> json.skipChildren();
        }
      }
      if (eventId == null || tenantId == null || userId == null || timestamp == null || decision == null) {
        throw new InvalidEventException("$", "an assessment needs eventId, tenantId, userId, timestamp, decision");
      }
      return new Assessment(eventId, tenantId, userId, timestamp, outcome, score, RiskLevel.of(score), decision,
          signals, actions, mode, incidentId, modelVersion, latency);
    } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidEventException("$", "not an assessment: " + e.getMessage(), e);
    }
  }

  private static Signal readSignal(JsonParser json) throws IOException {
    SignalType type = null;
    Severity severity = Severity.LOW;
    double weight = 0;
    String detail = "";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      switch (name) {
        case "type" -> type = SignalType.valueOf(json.getText());
        case "severity" -> severity = Severity.valueOf(json.getText());
        case "weight" -> weight = json.getDoubleValue();
        case "detail" -> detail = json.getText();
        default -> json.skipChildren();
      }
    }
    if (type == null) {
      throw new IllegalArgumentException("signal without type");
    }
    return new Signal(type, severity, weight, detail);
  }
}
