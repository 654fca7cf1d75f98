package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.FailureReason;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keycloak user events, as {@code GET /admin/realms/{realm}/events} returns them and event-listener SPIs emit them
 * ({@code EventRepresentation}): {@code id}, {@code time} (epoch ms), {@code type}, {@code realmId},
 * {@code clientId}, {@code userId}, {@code sessionId}, {@code ipAddress}, {@code error} and a string map
 * {@code details} ({@code username}, {@code auth_method}, {@code credential_type}, …).
 *
 * <p>{@code LOGIN} is a success; {@code LOGIN_ERROR} a failure whose {@code error} gives the reason:
 * {@code user_not_found} → UNKNOWN_USER, {@code invalid_user_credentials} → BAD_PASSWORD (MFA_FAILED when
 * {@code details.credential_type} is {@code otp}), {@code user_disabled} / {@code user_temporarily_disabled} →
 * LOCKED, {@code invalid_totp}/{@code invalid_authenticator} → MFA_FAILED. The user is {@code details.username}
 * when present — the name typed, the only one an unknown-user failure has — else {@code userId}. Other event types
 * (CODE_TO_TOKEN, LOGOUT, REFRESH_TOKEN…) and admin events ({@code operationType}, {@code resourceType}) are
 * skipped. Keycloak's events carry no user agent.
 */
final class KeycloakAdapter implements EventAdapter.JsonAdapter {
  private final AdapterContext context;

  KeycloakAdapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convert(JsonNode record) {
    if (record.has("operationType") || record.has("resourceType")) {
      return new Conversion.Skipped("keycloak admin event");
    }
    String type = VendorJson.requiredText(record, "type");
    boolean success = "LOGIN".equals(type);
    if (!success && !"LOGIN_ERROR".equals(type)) {
      return new Conversion.Skipped("keycloak " + type.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", ""));
    }
    EventBuilder event = new EventBuilder(context, Format.KEYCLOAK)
        .eventId(VendorJson.text(record, "id"))
        .time(VendorJson.instant(record, "time"), "time")
        .ip(VendorJson.text(record, "ipAddress"), "ipAddress")
        .sessionId(VendorJson.text(record, "sessionId"))
        .authMethod(VendorJson.text(record, "details.auth_method"))
        .attribute("realm", VendorJson.text(record, "realmId"))
        .attribute("client", VendorJson.text(record, "clientId"));
    String username = VendorJson.text(record, "details.username");
    event.user(username != null ? username : VendorJson.text(record, "userId"), "details.username");
    if (success) {
      event.success();
    } else {
      String error = VendorJson.text(record, "error");
      event.failure(reason(error, VendorJson.text(record, "details.credential_type")))
          .attribute("error", error);
    }
    return new Conversion.Converted(event.build(record.toString()));
  }

  private static FailureReason reason(@Nullable String error, @Nullable String credentialType) {
    if (error == null) {
      return FailureReason.OTHER;
    }
    return switch (error) {
      case "user_not_found" -> FailureReason.UNKNOWN_USER;
      case "invalid_user_credentials", "invalid_password" ->
          "otp".equalsIgnoreCase(credentialType) ? FailureReason.MFA_FAILED : FailureReason.BAD_PASSWORD;
      case "user_disabled", "user_temporarily_disabled" -> FailureReason.LOCKED;
      case "invalid_totp", "invalid_authenticator", "invalid_otp" -> FailureReason.MFA_FAILED;
      default -> FailureReason.OTHER;
    };
  }
}
