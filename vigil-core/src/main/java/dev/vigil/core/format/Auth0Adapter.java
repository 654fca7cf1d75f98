package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.InvalidEventException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Auth0 log events, as {@code GET /api/v2/logs} returns them ({@code log_id}, {@code date}, {@code type},
 * {@code user_id}, {@code user_name}, {@code ip}, {@code user_agent}, {@code client_id}, {@code client_name},
 * {@code connection}, {@code description}, {@code location_info}) and as log streams deliver them (the same object
 * under {@code data}).
 *
 * <p>Login types: {@code s} and {@code scoa} succeed; {@code f}, {@code fc}, {@code fcoa} and {@code fens} fail (OTHER), {@code fp} is a
 * wrong password, {@code fu} an unknown user name, {@code gd_auth_failed} / {@code gd_auth_rejected} a failed or
 * rejected MFA, and the brute-force protections {@code limit_wc} (an address blocked after too many failures on
 * one account), {@code limit_mu} (blocked for trying many accounts) and {@code limit_sul} (a user blocked) are
 * LOCKED failures — each is an attempt Auth0 refused. Every other type (token exchanges, API operations,
 * signups, warnings) is skipped. The user is {@code user_name} (what was typed; all an {@code fu} has), else
 * {@code user_id}. Auth0's {@code user_agent} is its own parsed summary ("Chrome 120.0.0 / Mac OS X 10.15.7"),
 * kept as given. {@code location_info} fills the geo.
 */
final class Auth0Adapter implements EventAdapter.JsonAdapter {
  private final AdapterContext context;

  Auth0Adapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convert(JsonNode envelope) {
    JsonNode record = envelope.path("data").isObject() ? envelope.path("data") : envelope;
    String type = VendorJson.requiredText(record, "type");
    Boolean success = switch (type) {
      case "s", "scoa" -> Boolean.TRUE;
      case "f", "fc", "fcoa", "fens", "fp", "fu", "gd_auth_failed", "gd_auth_rejected", "limit_wc", "limit_mu",
          "limit_sul" -> Boolean.FALSE;
      default -> null;
    };
    if (success == null) {
      return new Conversion.Skipped("auth0 type " + type.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", ""));
    }
    // A log stream puts log_id on the envelope; the Management API on the record; old exports call it _id.
    String id = VendorJson.text(envelope, "log_id");
    if (id == null) {
      id = VendorJson.text(record, "log_id");
    }
    EventBuilder event = new EventBuilder(context, Format.AUTH0)
        .eventId(id != null ? id : VendorJson.text(record, "_id"))
        .time(VendorJson.instant(record, "date"), "date")
        .ip(VendorJson.text(record, "ip"), "ip")
        .userAgent(VendorJson.text(record, "user_agent"))
        .geo(geo(record))
        .authMethod(VendorJson.text(record, "strategy"))
        .attribute("connection", VendorJson.text(record, "connection"))
        .attribute("client", VendorJson.text(record, "client_name"))
        .attribute("type", type);
    String name = VendorJson.text(record, "user_name");
    event.user(name != null ? name : VendorJson.text(record, "user_id"), "user_name");
    if (success) {
      event.success();
    } else {
      event.failure(switch (type) {
        case "fp" -> FailureReason.BAD_PASSWORD;
        case "fu" -> FailureReason.UNKNOWN_USER;
        case "gd_auth_failed", "gd_auth_rejected" -> FailureReason.MFA_FAILED;
        case "limit_wc", "limit_mu", "limit_sul" -> FailureReason.LOCKED;
        default -> FailureReason.OTHER;
      });
    }
    return new Conversion.Converted(event.build(record.toString()));
  }

  private static @Nullable Geo geo(JsonNode record) {
    JsonNode location = record.path("location_info");
    if (!location.isObject()) {
      return null;
    }
    String country = VendorJson.text(location, "country_code");
    if (country != null && country.length() != 2) {
      throw new InvalidEventException("location_info.country_code", "must be an ISO 3166-1 alpha-2 code: "
          + VendorJson.quote(country));
    }
    return Geos.of(country, null, VendorJson.text(location, "city_name"),
        VendorJson.number(location, "latitude"), VendorJson.number(location, "longitude"), null, null,
        "location_info");
  }
}
