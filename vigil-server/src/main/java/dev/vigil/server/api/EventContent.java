package dev.vigil.server.api;

import dev.vigil.core.event.InvalidEventException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

}
