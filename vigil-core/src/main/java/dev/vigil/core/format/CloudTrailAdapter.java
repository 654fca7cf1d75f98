package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.InvalidEventException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * AWS CloudTrail records of console sign-in ({@code eventSource} {@code signin.amazonaws.com}, {@code eventName}
 * {@code ConsoleLogin}): {@code eventID}, {@code eventTime}, {@code sourceIPAddress}, {@code userAgent},
 * {@code userIdentity} ({@code type}, {@code userName}, {@code arn}, {@code principalId}, {@code accountId}),
 * {@code responseElements.ConsoleLogin} ({@code Success} / {@code Failure}), {@code errorMessage},
 * {@code additionalEventData.MFAUsed}. {@link FormatReader} unpacks the {@code Records} array of a log file.
 *
 * <p>The user is {@code userIdentity.userName} for IAM users, {@code root} for the root user, and the session name
 * (the last part of the {@code arn}) for assumed roles and federated users. AWS hides a mistyped user name as
 * {@code HIDDEN_DUE_TO_SECURITY_REASONS}: such a failure is an UNKNOWN_USER under that name. A failure whose
 * message mentions MFA is MFA_FAILED, other failures BAD_PASSWORD. Every other event is skipped.
 */
final class CloudTrailAdapter implements EventAdapter.JsonAdapter {
  static final String HIDDEN_USER = "HIDDEN_DUE_TO_SECURITY_REASONS";

  private final AdapterContext context;

  CloudTrailAdapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convert(JsonNode record) {
    String name = VendorJson.requiredText(record, "eventName");
    if (!"ConsoleLogin".equals(name)) {
      return new Conversion.Skipped("cloudtrail " + name.replaceAll("[^A-Za-z0-9]", ""));
    }
    String result = VendorJson.text(record, "responseElements.ConsoleLogin");
    if (result == null && VendorJson.text(record, "errorMessage") != null) {
      result = "Failure";
    }
    if (result == null) {
      throw new InvalidEventException("responseElements.ConsoleLogin", "is required (Success or Failure)");
    }
    String user = user(record);
    EventBuilder event = new EventBuilder(context, Format.CLOUDTRAIL)
        .eventId(VendorJson.text(record, "eventID"))
        .time(VendorJson.instant(record, "eventTime"), "eventTime")
        .ip(VendorJson.text(record, "sourceIPAddress"), "sourceIPAddress")
        .userAgent(VendorJson.text(record, "userAgent"))
        .authMethod("Yes".equalsIgnoreCase(VendorJson.text(record, "additionalEventData.MFAUsed"))
            ? "password+mfa" : "password")
        .attribute("account", VendorJson.text(record, "userIdentity.accountId"))
        .attribute("identityType", VendorJson.text(record, "userIdentity.type"))
        .user(user, "userIdentity.userName");
    switch (result.toLowerCase(Locale.ROOT)) {
      case "success" -> event.success();
      case "failure" -> {
        String message = VendorJson.text(record, "errorMessage");
        event.failure(HIDDEN_USER.equals(user) ? FailureReason.UNKNOWN_USER
            : message != null && message.toLowerCase(Locale.ROOT).contains("mfa") ? FailureReason.MFA_FAILED
            : FailureReason.BAD_PASSWORD).attribute("error", message);
      }
      default -> throw new InvalidEventException("responseElements.ConsoleLogin",
          "must be Success or Failure: " + VendorJson.quote(result));
    }
    return new Conversion.Converted(event.build(record.toString()));
  }

  private static @Nullable String user(JsonNode record) {
    String userName = VendorJson.text(record, "userIdentity.userName");
    if (userName != null) {
      return userName;
    }
    if ("Root".equals(VendorJson.text(record, "userIdentity.type"))) {
      return "root";
    }
    String arn = VendorJson.text(record, "userIdentity.arn");
    if (arn != null) {
      int slash = arn.lastIndexOf('/');
      return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }
    return VendorJson.text(record, "userIdentity.principalId");
  }
}
