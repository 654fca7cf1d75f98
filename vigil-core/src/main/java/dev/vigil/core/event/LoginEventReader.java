package dev.vigil.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads login events in the JSON contract of DESIGN.md §3, one object at a time, with Jackson's streaming
 * parser (no tree, no reflection: replay speed is bounded by this class).
 *
 * <p>Rules: unknown fields are ignored; string fields longer than {@link EventLimits#MAX_STRING_LENGTH} are cut
 * and named in {@code truncatedFields}; a missing {@code tenantId} takes the configured default (HTTP) or is
 * an error (files); a missing {@code eventId} is derived from the event's own bytes so that replaying the same
 * line twice yields the same id; timestamps more than {@link EventLimits#MAX_FUTURE_SKEW} ahead of the clock
 * are refused. Every violation is an {@link InvalidEventException} naming the field.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LoginEventReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(32)
          .maxStringLength(1 << 20)
          .maxNumberLength(64)
          .build())
      .build();

  private final @Nullable String defaultTenant;
  private final @Nullable Clock clock;

  private LoginEventReader(@Nullable String defaultTenant, @Nullable Clock clock) {
    this.defaultTenant = defaultTenant;
    this.clock = clock;
  }

  /**
   * A reader for event files: {@code tenantId} is required and the future-timestamp check uses {@code clock}.
   */
  public static LoginEventReader strict(Clock clock) {
    return new LoginEventReader(null, java.util.Objects.requireNonNull(clock, "clock"));
  }

  /** A reader that fills a missing {@code tenantId} with {@code defaultTenant}, as the HTTP API does. */
  public static LoginEventReader withDefaultTenant(String defaultTenant, Clock clock) {
    return new LoginEventReader(java.util.Objects.requireNonNull(defaultTenant, "defaultTenant"),
        java.util.Objects.requireNonNull(clock, "clock"));
  }

  /** A reader that accepts any timestamp: for trusted historical files and tests. */
  public static LoginEventReader lenientAboutTime() {
    return new LoginEventReader(null, null);
  }

  /**
   * Parses one JSON object.
   *
   * @throws InvalidEventException when the text is not JSON ({@code field = "$"}) or breaks the contract
   */
  public LoginEvent read(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return read(bytes, 0, bytes.length);
  }

  /** Parses one JSON object held in {@code bytes[offset, offset + length)} (UTF-8). */
  public LoginEvent read(byte[] bytes, int offset, int length) {
    try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidEventException("$", "an event must be a JSON object");
      }
      LoginEvent event = readObject(parser, bytes, offset, length);
      if (parser.nextToken() != null) {
        throw new InvalidEventException("$", "unexpected content after the event object");
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("$", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (CharConversionException e) {
      // Jackson guesses UTF-16/32 from leading zero bytes and then finds the text cut or broken; found by
      // LoginEventReaderFuzzTest (it escaped as an UncheckedIOException).
      throw new InvalidEventException("$", "not UTF-8 JSON text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the object whose {@code START_OBJECT} the parser has just read, leaving the parser on its
   * {@code END_OBJECT}. Used for JSON arrays of events.
   */
  public LoginEvent readObject(JsonParser parser) throws IOException {
    return readObject(parser, null, 0, 0);
  }

  private LoginEvent readObject(JsonParser parser, byte @Nullable [] source, int offset, int length)
      throws IOException {
    Fields f = new Fields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "eventId" -> f.eventId = text(parser, value, name, f);
        case "tenantId" -> f.tenantId = text(parser, value, name, f);
        case "userId" -> f.userId = text(parser, value, name, f);
        case "timestamp" -> f.timestamp = timestamp(parser, value);
        case "outcome" -> f.outcome = enumValue(parser, value, name, Outcome.class);
        case "failureReason" -> f.failureReason = enumValue(parser, value, name, FailureReason.class);
        case "ip" -> f.ip = ip(parser, value);
        case "userAgent" -> f.userAgent = text(parser, value, name, f);
        case "deviceId" -> f.deviceId = text(parser, value, name, f);
        case "authMethod" -> f.authMethod = text(parser, value, name, f);
        case "sessionId" -> f.sessionId = text(parser, value, name, f);
        case "geo" -> f.geo = geo(parser, value, f);
        case "attributes" -> f.attributes = attributes(parser, value, f);
        default -> parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new InvalidEventException("$", "malformed JSON object");
    }
    String tenant = f.tenantId != null ? f.tenantId : defaultTenant;
    if (tenant == null) {
      throw new InvalidEventException("tenantId", "is required");
    }
    if (f.timestamp != null && clock != null
        && f.timestamp.isAfter(clock.instant().plus(EventLimits.MAX_FUTURE_SKEW))) {
      throw new InvalidEventException("timestamp",
          "is more than " + EventLimits.MAX_FUTURE_SKEW.toMinutes() + " minutes in the future: " + f.timestamp);
    }
    if (f.outcome == Outcome.SUCCESS && f.failureReason != null) {
      f.failureReason = null; // some sources send a reason on successes; it carries no meaning then
    }
    String eventId = f.eventId;
    if (eventId == null) {
      eventId = source != null
          ? UUID.nameUUIDFromBytes(java.util.Arrays.copyOfRange(source, offset, offset + length)).toString()
          : UUID.nameUUIDFromBytes((tenant + '|' + f.userId + '|' + f.timestamp + '|' + f.ip + '|' + f.outcome)
              .getBytes(StandardCharsets.UTF_8)).toString();
    }
    return new LoginEvent(eventId, tenant, f.userId, f.timestamp, f.outcome, f.failureReason, f.ip, f.userAgent,
        f.deviceId, f.geo, f.authMethod, f.sessionId, f.attributes, f.truncated);
  }

  private static final class Fields {
    @Nullable String eventId;
    @Nullable String tenantId;
    @Nullable String userId;
    @Nullable Instant timestamp;
    @Nullable Outcome outcome;
    @Nullable FailureReason failureReason;
    @Nullable IpAddress ip;
    @Nullable String userAgent;
    @Nullable String deviceId;
    @Nullable String authMethod;
    @Nullable String sessionId;
    @Nullable Geo geo;
    Map<String, String> attributes = Map.of();
    Set<String> truncated = Set.of();

    void markTruncated(String field) {
      if (truncated.isEmpty()) {
        truncated = new HashSet<>();
      }
      truncated.add(field);
    }
  }

  private static @Nullable String text(JsonParser parser, JsonToken token, String field, Fields f)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(field, "must be a string");
    }
    String value = parser.getText();
    if (value.length() > EventLimits.MAX_STRING_LENGTH) {
      f.markTruncated(field);
      return value.substring(0, EventLimits.MAX_STRING_LENGTH);
    }
    return value;
  }

  private static Instant timestamp(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      long millis = parser.getLongValue();
      return Instant.ofEpochMilli(millis);
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new InvalidEventException("timestamp", "must be an ISO-8601 instant such as 2026-10-01T08:15:30Z");
    }
    String text = parser.getText();
    Instant plainUtc = UtcTimestamps.parse(text);
    if (plainUtc != null) {
      return plainUtc;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidEventException("timestamp",
            "must be an ISO-8601 instant such as 2026-10-01T08:15:30Z: " + IpAddress.quoteShort(text));
      }
    }
  }

  private static <E extends Enum<E>> @Nullable E enumValue(
      JsonParser parser, JsonToken token, String field, Class<E> type) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(field, "must be a string");
    }
    String text = parser.getText();
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + ": " + IpAddress.quoteShort(text));
    }
  }

  private static IpAddress ip(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw new InvalidEventException("ip", "must be a string holding an IPv4 or IPv6 address");
    }
    return IpAddress.parse(parser.getText().trim());
  }

  private static @Nullable Geo geo(JsonParser parser, JsonToken token, Fields f) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new InvalidEventException("geo", "must be an object");
    }
    String country = null;
    String region = null;
    String city = null;
    Double lat = null;
    Double lon = null;
    Long asn = null;
    String asOrg = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "country" -> country = text(parser, value, "geo.country", f);
        case "region" -> region = text(parser, value, "geo.region", f);
        case "city" -> city = text(parser, value, "geo.city", f);
        case "lat" -> lat = number(parser, value, "geo.lat");
        case "lon" -> lon = number(parser, value, "geo.lon");
        case "asn" -> {
          if (value == JsonToken.VALUE_NUMBER_INT) {
            asn = parser.getLongValue();
          } else if (value != JsonToken.VALUE_NULL) {
            throw new InvalidEventException("geo.asn", "must be an integer");
          }
        }
        case "asOrg" -> asOrg = text(parser, value, "geo.asOrg", f);
        default -> parser.skipChildren();
      }
    }
    if (country != null && country.length() != 2) {
      throw new InvalidEventException("geo.country", "must be an ISO 3166-1 alpha-2 code: "
          + IpAddress.quoteShort(country));
    }
    return new Geo(country, region, city, lat, lon, asn, asOrg);
  }

  private static @Nullable Double number(JsonParser parser, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
      throw new InvalidEventException(field, "must be a number");
    }
    return parser.getDoubleValue();
  }

  private static Map<String, String> attributes(JsonParser parser, JsonToken token, Fields f) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return Map.of();
    }
    if (token != JsonToken.START_OBJECT) {
      throw new InvalidEventException("attributes", "must be an object of strings");
    }
    Map<String, String> attributes = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        if (attributes.size() >= 32) {
          throw new InvalidEventException("attributes", "must have at most 32 entries");
        }
        String text = parser.getText();
        if (text.length() > EventLimits.MAX_STRING_LENGTH) {
          f.markTruncated("attributes." + name);
          text = text.substring(0, EventLimits.MAX_STRING_LENGTH);
        }
        attributes.put(name.length() > 64 ? name.substring(0, 64) : name, text);
      } else {
        parser.skipChildren();
      }
    }
    return attributes;
  }
}
