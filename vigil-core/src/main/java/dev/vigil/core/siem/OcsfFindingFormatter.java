package dev.vigil.core.siem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.signal.Signal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TreeSet;

/**
 * An assessment as an OCSF 1.3 Detection Finding (class_uid 2004, category 2 Findings, activity 1 Create, so
 * type_uid 200401).
 *
 * <ul>
 *   <li>{@code time}: the login's time (epoch ms); {@code severity_id}/{@code severity} and
 *       {@code risk_level_id}/{@code risk_level} from the level (LOW 2/1, MEDIUM 3/2, HIGH 4/3, CRITICAL 5/4),
 *       {@code risk_score} the score; {@code status_id} 1 New;
 *   <li>{@code action_id}/{@code action}: 1 Allowed for ALLOW, 2 Denied for DENY, 99 Other "Challenged" for
 *       CHALLENGE; {@code disposition_id}/{@code disposition} likewise (1 Allowed, 2 Blocked, 99 Other);
 *       {@code is_alert} true unless allowed;
 *   <li>{@code finding_info}: {@code uid} {@code vigil:TENANT:EVENTID}, {@code title}, {@code desc} (the signals'
 *       explanations), {@code types} (signal types), {@code analytic} (Vigil's login-risk engine, type 1 Rule);
 *   <li>{@code evidences[0]}: {@code actor.user.name}, {@code src_endpoint} ({@code ip}, {@code location} from the
 *       event's own geo), {@code http_request.user_agent};
 *   <li>{@code metadata}: {@code version} 1.3.0, {@code product} (Vigil, vendor Vigil, version), {@code uid} the
 *       eventId, {@code tenant_uid};
 *   <li>{@code unmapped}: Vigil's own fields with no OCSF home (decision, outcome, failure reason, actions, mode,
 *       signal severities and weights).
 * </ul>
 */
final class OcsfFindingFormatter implements AssessmentFormatter {
  static final int CLASS_UID = 2004;
  private static final JsonFactory JSON = new JsonFactory();

  private final String productVersion;

  OcsfFindingFormatter(OutputContext context) {
    this.productVersion = context.productVersion();
  }

  @Override
  public String format(Assessment a, LoginEvent event) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(a, event, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void write(Assessment a, LoginEvent event, JsonGenerator json) throws IOException {
    int level = riskLevelId(a);
    json.writeStartObject();
    json.writeNumberField("class_uid", CLASS_UID);
    json.writeStringField("class_name", "Detection Finding");
    json.writeNumberField("category_uid", 2);
    json.writeStringField("category_name", "Findings");
    json.writeNumberField("activity_id", 1);
    json.writeStringField("activity_name", "Create");
    json.writeNumberField("type_uid", CLASS_UID * 100 + 1);
    json.writeStringField("type_name", "Detection Finding: Create");
    json.writeNumberField("time", a.timestamp().toEpochMilli());
    json.writeNumberField("severity_id", level + 1);
    json.writeStringField("severity", SEVERITIES[level + 1]);
    json.writeNumberField("risk_score", a.score());
    json.writeNumberField("risk_level_id", level);
    json.writeStringField("risk_level", RISK_LEVELS[level]);
    json.writeNumberField("status_id", 1);
    json.writeStringField("status", "New");
    json.writeBooleanField("is_alert", a.decision() != Decision.ALLOW);
    switch (a.decision()) {
      case ALLOW -> actionAndDisposition(json, 1, "Allowed", 1, "Allowed");
      case DENY -> actionAndDisposition(json, 2, "Denied", 2, "Blocked");
      case CHALLENGE -> actionAndDisposition(json, 99, "Challenged", 99, "Challenged");
    }
    json.writeStringField("message", Explanation.line(a, event));

    json.writeObjectFieldStart("finding_info");
    json.writeStringField("uid", "vigil:" + a.tenantId() + ":" + a.eventId());
    json.writeStringField("title", CefFormatter.name(a) + " (score " + a.score() + ")");
    json.writeStringField("desc", Explanation.reasons(a));
    json.writeArrayFieldStart("types");
    for (Signal signal : a.signals()) {
      json.writeString(signal.type().name());
    }
    json.writeEndArray();
    json.writeObjectFieldStart("analytic");
    json.writeStringField("name", "Vigil login risk");
    json.writeNumberField("type_id", 1);
    json.writeStringField("type", "Rule");
    json.writeStringField("version", a.modelVersion());
    json.writeEndObject();
    json.writeEndObject();

    json.writeArrayFieldStart("evidences");
    json.writeStartObject();
    json.writeObjectFieldStart("actor");
    json.writeObjectFieldStart("user");
    json.writeStringField("name", a.userId());
    json.writeEndObject();
    json.writeEndObject();
    json.writeObjectFieldStart("src_endpoint");
    json.writeStringField("ip", event.ip().canonical());
    Geo geo = event.geo();
    if (geo != null && (geo.country() != null || geo.city() != null || geo.lat() != null)) {
      json.writeObjectFieldStart("location");
      optional(json, "country", geo.country());
      optional(json, "region", geo.region());
      optional(json, "city", geo.city());
      if (geo.lat() != null && geo.lon() != null) {
        json.writeNumberField("lat", geo.lat());
        json.writeNumberField("long", geo.lon());
      }
      json.writeEndObject();
    }
    if (geo != null && geo.asn() != null) {
      json.writeObjectFieldStart("autonomous_system");
      json.writeNumberField("number", geo.asn());
      optional(json, "name", geo.asOrg());
      json.writeEndObject();
    }
    json.writeEndObject();
    if (event.userAgent() != null) {
      json.writeObjectFieldStart("http_request");
      json.writeStringField("user_agent", event.userAgent());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndArray();

    json.writeObjectFieldStart("metadata");
    json.writeStringField("version", "1.3.0");
    json.writeStringField("uid", a.eventId());
    json.writeStringField("tenant_uid", a.tenantId());
    json.writeObjectFieldStart("product");
    json.writeStringField("name", "Vigil");
    json.writeStringField("vendor_name", "Vigil");
    json.writeStringField("version", productVersion);
    json.writeEndObject();
    json.writeEndObject();

    json.writeObjectFieldStart("unmapped");
    json.writeStringField("decision", a.decision().name());
    json.writeStringField("outcome", a.outcome().name());
    optional(json, "failureReason", event.failureReason() == null ? null : event.failureReason().name());
    json.writeStringField("mode", a.mode().name());
    json.writeArrayFieldStart("actions");
    for (Action action : new TreeSet<>(a.actions())) {
      json.writeString(action.name());
    }
    json.writeEndArray();
    AssessmentJson.writeSignals(a.signals(), json);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static final String[] SEVERITIES = {"Unknown", "Informational", "Low", "Medium", "High", "Critical"};
  private static final String[] RISK_LEVELS = {"Info", "Low", "Medium", "High", "Critical"};

  /** OCSF risk_level_id: 0 Info, 1 Low, 2 Medium, 3 High, 4 Critical. */
  static int riskLevelId(Assessment a) {
    return switch (a.level()) {
      case LOW -> 1;
      case MEDIUM -> 2;
      case HIGH -> 3;
      case CRITICAL -> 4;
    };
  }

  private static void actionAndDisposition(JsonGenerator json, int actionId, String action, int dispositionId,
      String disposition) throws IOException {
    json.writeNumberField("action_id", actionId);
    json.writeStringField("action", action.toLowerCase(Locale.ROOT).equals("challenged") ? "Other" : action);
    json.writeNumberField("disposition_id", dispositionId);
    json.writeStringField("disposition", disposition);
  }

  private static void optional(JsonGenerator json, String name, @org.jspecify.annotations.Nullable String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}
