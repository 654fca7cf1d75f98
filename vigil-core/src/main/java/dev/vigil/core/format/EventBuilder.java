package dev.vigil.core.format;

import dev.vigil.core.event.EventLimits;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Collects the parts of one event as an adapter finds them and checks them against the contract the way
 * {@link dev.vigil.core.event.LoginEventReader} does (512-character cut, address must parse, no future times on
 * live ingest), reporting the vendor's field name instead of the contract's.
 */
final class EventBuilder {
  private final AdapterContext context;
  private final Format format;
  private @Nullable String eventId;
  private @Nullable String userId;
  private String userField = "userId";
  private @Nullable Instant timestamp;
  private @Nullable Outcome outcome;
  private @Nullable FailureReason failureReason;
  private @Nullable IpAddress ip;
  private @Nullable String userAgent;
  private @Nullable Geo geo;
  private @Nullable String authMethod;
  private @Nullable String sessionId;
  private final Map<String, String> attributes = new HashMap<>();
  private final Set<String> truncated = new HashSet<>();

  EventBuilder(AdapterContext context, Format format) {
    this.context = context;
    this.format = format;
  }

  EventBuilder eventId(@Nullable String id) {
    this.eventId = cut("eventId", id);
    return this;
  }

  EventBuilder user(@Nullable String id, String vendorField) {
    this.userId = cut("userId", id);
    this.userField = vendorField;
    return this;
  }

  EventBuilder time(Instant time, String vendorField) {
    if (context.rejectFuture() && time.isAfter(context.reference().plus(EventLimits.MAX_FUTURE_SKEW))) {
      throw new InvalidEventException(vendorField,
          "is more than " + EventLimits.MAX_FUTURE_SKEW.toMinutes() + " minutes in the future: " + time);
    }
    this.timestamp = time;
    return this;
  }

  EventBuilder success() {
    this.outcome = Outcome.SUCCESS;
    this.failureReason = null;
    return this;
  }

  EventBuilder failure(FailureReason reason) {
    this.outcome = Outcome.FAILURE;
    this.failureReason = reason;
    return this;
  }

  EventBuilder ip(@Nullable String text, String vendorField) {
    if (text == null) {
      throw new InvalidEventException(vendorField, "is required (the client address)");
    }
    IpAddress parsed = IpAddress.tryParse(text.strip());
    if (parsed == null) {
      throw new InvalidEventException(vendorField, "must be an IPv4 or IPv6 address literal: "
          + VendorJson.quote(text));
    }
    this.ip = parsed;
    return this;
  }

  EventBuilder userAgent(@Nullable String value) {
    this.userAgent = cut("userAgent", value);
    return this;
  }

  EventBuilder geo(@Nullable Geo value) {
    this.geo = value == null || value.equals(Geo.UNKNOWN) ? null : value;
    return this;
  }

  EventBuilder authMethod(@Nullable String value) {
    this.authMethod = cut("authMethod", value);
    return this;
  }

  EventBuilder sessionId(@Nullable String value) {
    this.sessionId = cut("sessionId", value);
    return this;
  }

  EventBuilder attribute(String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(name, cut("attributes." + name, value));
    }
    return this;
  }

  /**
   * The event. Without a vendor id, the id is derived from {@code source} (the record's own text), so reading the
   * same record twice gives the same id and the engine and server treat it as one event.
   */
  LoginEvent build(String source) {
    if (userId == null || userId.isBlank()) {
      throw new InvalidEventException(userField, "is required (the user name or id)");
    }
    String id = eventId != null ? eventId
        : UUID.nameUUIDFromBytes((format.id() + '\n' + source).getBytes(StandardCharsets.UTF_8)).toString();
    attributes.put("source", format.id());
    return new LoginEvent(id, context.tenantId(), userId, timestamp, outcome, failureReason, ip, userAgent, null, geo,
        authMethod, sessionId, attributes, truncated);
  }

  private @Nullable String cut(String field, @Nullable String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > EventLimits.MAX_STRING_LENGTH) {
      truncated.add(field);
      return value.substring(0, EventLimits.MAX_STRING_LENGTH);
    }
    return value;
  }
}
