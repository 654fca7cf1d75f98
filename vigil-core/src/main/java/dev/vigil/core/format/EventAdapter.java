package dev.vigil.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.InvalidEventException;

/**
 * Maps one vendor record to the login event contract. Implementations are small, final, immutable and
 * thread-safe; {@link Format#adapter} makes them.
 */
sealed interface EventAdapter permits EventAdapter.JsonAdapter, SshdAdapter {

  /**
   * Converts one line of text (JSON adapters parse it first).
   *
   * @throws InvalidEventException naming the vendor's field when the record is a login attempt that breaks the
   *     contract, or is not readable at all ({@code $})
   */
  Conversion convertLine(String line);

  /** An adapter whose records are JSON objects. */
  sealed interface JsonAdapter extends EventAdapter
      permits KeycloakAdapter, Auth0Adapter, OktaAdapter, CloudTrailAdapter, OcsfAdapter {

    /** Converts one JSON record; see {@link #convertLine}. */
    Conversion convert(JsonNode record);

    @Override
    default Conversion convertLine(String line) {
      JsonNode node = VendorJson.parse(line);
      return convert(node);
    }
  }
}
