package dev.vigil.server.api;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What core's reader lets through but the engine API must refuse (core could refuse both for every source; until
 * then the API does):
 *
 * <ul>
 *   <li>bodies that are not well-formed UTF-8 (RFC 8259 §8.1). Jackson decodes overlong forms such as
 *       {@code C0 AF} to {@code /}, so a filter looking at the bytes and the engine looking at the text would see
 *       different user ids;
 *   <li>the NUL character ({@code \u0000} in JSON) in any text field: PostgreSQL {@code text} columns refuse it,
 *       and the insert would fail with a 500 instead of a 400 naming the field.
 * </ul>
 */
final class EventContent {
  private EventContent() {}

  /** @throws InvalidEventException ({@code field = "$"}) when {@code body} is not well-formed UTF-8 */
  static void requireUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new InvalidEventException("$", "the body is not well-formed UTF-8");
    }
  }

  /** @throws InvalidEventException naming the first field that holds a NUL character */
  static void requireStorable(LoginEvent event) {
    check("eventId", event.eventId());
    check("tenantId", event.tenantId());
    check("userId", event.userId());
    check("userAgent", event.userAgent());
    check("deviceId", event.deviceId());
    check("authMethod", event.authMethod());
    check("sessionId", event.sessionId());
    if (event.geo() != null) {
      check("geo.country", event.geo().country());
      check("geo.region", event.geo().region());
      check("geo.city", event.geo().city());
      check("geo.asOrg", event.geo().asOrg());
    }
    for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
      check("attributes", attribute.getKey());
      check("attributes", attribute.getValue());
    }
  }

  private static void check(String field, @Nullable String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidEventException(field, "must not contain the NUL character");
    }
  }
}
