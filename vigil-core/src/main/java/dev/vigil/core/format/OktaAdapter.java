package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Okta System Log events ({@code LogEvent} of {@code GET /api/v1/logs}): {@code uuid}, {@code published},
 * {@code eventType}, {@code actor} ({@code id}, {@code alternateId}), {@code client} ({@code ipAddress},
 * {@code userAgent.rawUserAgent}, {@code geographicalContext}), {@code outcome} ({@code result}, {@code reason}),
 * {@code securityContext} ({@code asNumber}, {@code asOrg}), {@code authenticationContext}.
 *
 * <p>{@code user.session.start} is the sign-in: outcome SUCCESS succeeds, FAILURE or DENY fails — an unknown
 * user when Okta could not resolve the actor (actor id or name {@code unknown}, or a reason naming an unknown
 * user), LOCKED when the reason says locked out, else BAD_PASSWORD. {@code user.authentication.auth_via_mfa}
 * with FAILURE or DENY is an MFA_FAILED attempt. Other event types and outcomes (SKIPPED, CHALLENGE, ALLOW…) are
 * skipped. The user is {@code actor.alternateId} (the login name), else {@code actor.id}. Okta gives the country
 * as an English name, mapped to its ISO code here (an unrecognised name leaves the country out).
 */
final class OktaAdapter implements EventAdapter.JsonAdapter {
  private final AdapterContext context;

  OktaAdapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convert(JsonNode record) {
    String type = VendorJson.requiredText(record, "eventType");
    boolean sessionStart = "user.session.start".equals(type);
    boolean mfa = "user.authentication.auth_via_mfa".equals(type);
    if (!sessionStart && !mfa) {
      return new Conversion.Skipped("okta " + type.toLowerCase(Locale.ROOT).replaceAll("[^a-z_.]", ""));
    }
    String result = VendorJson.requiredText(record, "outcome.result").toUpperCase(Locale.ROOT);
    boolean success = "SUCCESS".equals(result);
    boolean failure = "FAILURE".equals(result) || "DENY".equals(result);
    if (!failure && !(success && sessionStart)) {
      return new Conversion.Skipped("okta " + type + " " + result.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }
    EventBuilder event = new EventBuilder(context, Format.OKTA)
        .eventId(VendorJson.text(record, "uuid"))
        .time(VendorJson.instant(record, "published"), "published")
        .ip(VendorJson.text(record, "client.ipAddress"), "client.ipAddress")
        .userAgent(VendorJson.text(record, "client.userAgent.rawUserAgent"))
        .geo(geo(record))
        .sessionId(VendorJson.text(record, "authenticationContext.externalSessionId"))
        .authMethod(VendorJson.text(record, "authenticationContext.credentialType"))
        .attribute("eventType", type);
    String alternateId = VendorJson.text(record, "actor.alternateId");
    event.user(alternateId != null ? alternateId : VendorJson.text(record, "actor.id"), "actor.alternateId");
    if (success) {
      event.success();
    } else {
      String reason = VendorJson.text(record, "outcome.reason");
      event.failure(mfa ? FailureReason.MFA_FAILED : reason(record, reason)).attribute("reason", reason);
    }
    return new Conversion.Converted(event.build(record.toString()));
  }

  private static FailureReason reason(JsonNode record, @Nullable String reason) {
    String text = reason == null ? "" : reason.toUpperCase(Locale.ROOT);
    String actorId = VendorJson.text(record, "actor.id");
    String actorName = VendorJson.text(record, "actor.displayName");
    if ("unknown".equalsIgnoreCase(actorId) || "unknown".equalsIgnoreCase(actorName)
        || text.contains("UNKNOWN_USER") || text.contains("UNKNOWN USER") || text.contains("USER_NOT_FOUND")) {
      return FailureReason.UNKNOWN_USER;
    }
    if (text.contains("LOCKED")) {
      return FailureReason.LOCKED;
    }
    return FailureReason.BAD_PASSWORD;
  }

  private static @Nullable Geo geo(JsonNode record) {
    JsonNode place = record.path("client").path("geographicalContext");
    return Geos.of(Geos.countryCode(VendorJson.text(place, "country")), VendorJson.text(place, "state"),
        VendorJson.text(place, "city"), VendorJson.number(place, "geolocation.lat"),
        VendorJson.number(place, "geolocation.lon"), VendorJson.integer(record, "securityContext.asNumber"),
        VendorJson.text(record, "securityContext.asOrg"), "client.geographicalContext");
  }
}
