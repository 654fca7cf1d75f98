package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.InvalidEventException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * OCSF Authentication events ({@code class_uid} 3002, category 3 Identity &amp; Access Management): {@code time}
 * (epoch ms), {@code activity_id} (1 Logon), {@code status_id} (1 Success, 2 Failure), {@code status_detail},
 * {@code user} ({@code name}, {@code uid}), {@code src_endpoint} ({@code ip}, {@code location}: {@code country},
 * {@code region}, {@code city}, {@code lat}, {@code long}; {@code autonomous_system}: {@code number},
 * {@code name}), {@code http_request.user_agent}, {@code session.uid}, {@code auth_protocol},
 * {@code metadata.uid}.
 *
 * <p>Only logons with a known status are login attempts; other classes, other activities (logoff, tickets) and
 * logons of unknown status are skipped. A failure's reason is read from {@code status_detail}: an unknown or
 * missing user → UNKNOWN_USER, locked or disabled → LOCKED, MFA/OTP → MFA_FAILED, a password or credential →
 * BAD_PASSWORD (checked before the unknown-user words: Windows says "Unknown user name or bad
 * password" for both), else OTHER.
 */
final class OcsfAdapter implements EventAdapter.JsonAdapter {
  static final long AUTHENTICATION = 3002;
  private static final long LOGON = 1;

  private final AdapterContext context;

  OcsfAdapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convert(JsonNode record) {
    Long classUid = VendorJson.integer(record, "class_uid");
    if (classUid == null) {
      throw new InvalidEventException("class_uid", "is required");
    }
    if (classUid != AUTHENTICATION) {
      return new Conversion.Skipped("ocsf class " + classUid);
    }
    Long activity = VendorJson.integer(record, "activity_id");
    if (activity == null || activity != LOGON) {
      return new Conversion.Skipped("ocsf authentication activity " + activity);
    }
    Long status = VendorJson.integer(record, "status_id");
    if (status == null || (status != 1 && status != 2)) {
      return new Conversion.Skipped("ocsf logon status " + status);
    }
    String name = VendorJson.text(record, "user.name");
    EventBuilder event = new EventBuilder(context, Format.OCSF)
        .eventId(VendorJson.text(record, "metadata.uid"))
        .time(VendorJson.instant(record, "time"), "time")
        .user(name != null ? name : VendorJson.text(record, "user.uid"), "user.name")
        .ip(VendorJson.text(record, "src_endpoint.ip"), "src_endpoint.ip")
        .userAgent(VendorJson.text(record, "http_request.user_agent"))
        .geo(geo(record.path("src_endpoint")))
        .sessionId(VendorJson.text(record, "session.uid"))
        .authMethod(VendorJson.text(record, "auth_protocol"))
        .attribute("product", VendorJson.text(record, "metadata.product.name"));
    if (status == 1) {
      event.success();
    } else {
      String detail = VendorJson.text(record, "status_detail");
      event.failure(reason(detail)).attribute("statusDetail", detail);
    }
    return new Conversion.Converted(event.build(record.toString()));
  }

  static FailureReason reason(@Nullable String detail) {
    if (detail == null) {
      return FailureReason.OTHER;
    }
    String text = detail.toLowerCase(Locale.ROOT);
    if (text.contains("locked") || text.contains("disabled")) {
      return FailureReason.LOCKED;
    }
    if (text.contains("mfa") || text.contains("otp") || text.contains("second factor")) {
      return FailureReason.MFA_FAILED;
    }
    // Before the unknown-user words: Windows says "Unknown user name or bad password." for both.
    if (text.contains("password") || text.contains("credential")) {
      return FailureReason.BAD_PASSWORD;
    }
    if (text.contains("unknown user") || text.contains("user not found") || text.contains("no such user")
        || text.contains("invalid user") || text.contains("user does not exist")) {
      return FailureReason.UNKNOWN_USER;
    }
    return FailureReason.OTHER;
  }

  private static @Nullable Geo geo(JsonNode endpoint) {
    String country = VendorJson.text(endpoint, "location.country");
    String code = country == null ? null : Geos.countryCode(country);
    return Geos.of(code, VendorJson.text(endpoint, "location.region"), VendorJson.text(endpoint, "location.city"),
        VendorJson.number(endpoint, "location.lat"), VendorJson.number(endpoint, "location.long"),
        VendorJson.integer(endpoint, "autonomous_system.number"),
        VendorJson.text(endpoint, "autonomous_system.name"), "src_endpoint.location");
  }
}
