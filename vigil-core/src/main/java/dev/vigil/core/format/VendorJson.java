package dev.vigil.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.IpAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Small, strict readers over Jackson trees, shared by the JSON adapters. Every failure names the vendor field. */
final class VendorJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(1 << 20)
          .maxNumberLength(64)
          .build())
      .build();
  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private VendorJson() {}

  /** Parses one JSON object. */
  static JsonNode parse(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("$", "malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidEventException("$", "a record must be a JSON object");
    }
    return node;
  }

  /** The node at a dotted path, or a missing node. */
  static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode current = node;
    for (String part : dottedPath.split("\\.")) {
      current = current.path(part);
    }
    return current;
  }

  /** A string at {@code path}; null when absent or JSON null; an error when another type. */
  static @Nullable String text(JsonNode record, String path) {
    JsonNode node = at(record, path);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidEventException(path, "must be a string, not " + type(node));
    }
    String value = node.textValue();
    return value.isBlank() ? null : value;
  }

  /** A required string at {@code path}. */
  static String requiredText(JsonNode record, String path) {
    String value = text(record, path);
    if (value == null) {
      throw new InvalidEventException(path, "is required");
    }
    return value;
  }

  /** A number at {@code path}, or null; numeric strings are accepted (some exporters quote numbers). */
  static @Nullable Double number(JsonNode record, String path) {
    JsonNode node = at(record, path);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        double value = Double.parseDouble(node.textValue().strip());
        return Double.isFinite(value) ? value : null;
      } catch (NumberFormatException e) {
        throw new InvalidEventException(path, "must be a number: " + VendorJson.quote(node.textValue()));
      }
    }
    throw new InvalidEventException(path, "must be a number, not " + type(node));
  }

  /** A whole number at {@code path}, or null. */
  static @Nullable Long integer(JsonNode record, String path) {
    JsonNode node = at(record, path);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue().strip());
      } catch (NumberFormatException e) {
        throw new InvalidEventException(path, "must be an integer: " + VendorJson.quote(node.textValue()));
      }
    }
    throw new InvalidEventException(path, "must be an integer, not " + type(node));
  }

  /** An instant at {@code path}: ISO-8601 text with an offset, or epoch milliseconds. Required. */
  static Instant instant(JsonNode record, String path) {
    JsonNode node = at(record, path);
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return epochMillis(node.longValue(), path);
    }
    if (node.isTextual()) {
      String text = node.textValue().strip();
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notUtc) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
          throw new InvalidEventException(path, "must be an ISO-8601 time with an offset: "
              + VendorJson.quote(text));
        }
      }
    }
    if (node.isMissingNode() || node.isNull()) {
      throw new InvalidEventException(path, "is required");
    }
    throw new InvalidEventException(path, "must be a time, not " + type(node));
  }

  static Instant epochMillis(long millis, String path) {
    // Year 1970 to 9999: anything else is a unit mix-up (seconds, microseconds) or garbage.
    if (millis < 0 || millis > 253_402_300_799_999L) {
      throw new InvalidEventException(path, "must be epoch milliseconds between 1970 and 9999: " + millis);
    }
    return Instant.ofEpochMilli(millis);
  }

  /** A value quoted for a message, cut to 64 characters (messages reach logs and API answers). */
  static String quote(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return '"' + shown.replace("\n", "\\n").replace("\r", "\\r") + '"';
  }

  private static String type(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return type == null ? "unknown" : type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
