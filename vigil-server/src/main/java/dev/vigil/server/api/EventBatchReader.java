package dev.vigil.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.vigil.core.event.EventLimits;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.engine.StorableText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a batch body into events: a JSON array (each element handed to core's reader as its own bytes, so an
 * event gets the same derived eventId here as through {@code /api/v1/assess}), or JSON lines. An element that is
 * not a valid event becomes an invalid {@link BatchEntry} and the rest is read on; only a body whose structure
 * breaks (an array cut off mid-way) is refused whole, since nothing after the break can be placed.
 */
final class EventBatchReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
      .build();

  private final LoginEventReader reader;
  private final String tenantId;
  private final int maxEvents;

  /** @param tenantId the only tenant this batch may write to (the API key's) */
  EventBatchReader(LoginEventReader reader, String tenantId, int maxEvents) {
    this.reader = reader;
    this.tenantId = tenantId;
    this.maxEvents = maxEvents;
  }

  /**
   * Reads a JSON array of events.
   *
   * @throws InvalidEventException with field {@code $} when the body is not a well-formed JSON array
   * @throws TooManyEventsException when it holds more than {@code maxEvents} elements
   */
  List<BatchEntry> readArray(byte[] body) {
    List<BatchEntry> entries = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidEventException("$", "a batch must be a JSON array of events, or JSON lines sent as "
            + "application/x-ndjson");
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw new InvalidEventException("$", "the JSON array is not closed");
        }
        int index = entries.size();
        if (index >= maxEvents) {
          throw new TooManyEventsException(maxEvents);
        }
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          entries.add(BatchEntry.invalid(index, null, null,
              new InvalidEventException("$", "an event must be a JSON object")));
          continue;
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        entries.add(read(index, null, body, start, end - start));
      }
      if (parser.nextToken() != null) {
        throw new InvalidEventException("$", "unexpected content after the JSON array");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("$", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.CharConversionException e) {
      // Jackson took leading zero bytes (valid UTF-8 NULs) for UTF-16/32 and found the text broken.
      throw new InvalidEventException("$", "not UTF-8 JSON text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /**
   * Reads JSON lines: one event per line, blank lines ignored; a bad line is reported with its number.
   *
   * @throws TooManyEventsException when it holds more than {@code maxEvents} non-blank lines
   */
  List<BatchEntry> readLines(byte[] body) {
    List<BatchEntry> entries = new ArrayList<>();
    int lineNumber = 0;
    int start = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      lineNumber++;
      int last = end;
      if (last > start && body[last - 1] == '\r') {
        last--;
      }
      if (!isBlank(body, start, last)) {
        if (entries.size() >= maxEvents) {
          throw new TooManyEventsException(maxEvents);
        }
        entries.add(read(entries.size(), lineNumber, body, start, last - start));
      }
      start = end + 1;
    }
    return entries;
  }

  private BatchEntry read(int index, @Nullable Integer line, byte[] body, int offset, int length) {
    try {
      LoginEvent event = reader.read(body, offset, length);
      if (!event.tenantId().equals(tenantId)) {
        // Same words whether that tenant exists or not: a key cannot probe for other tenants.
        throw new InvalidEventException("tenantId", "unknown tenant: an API key reaches only its own tenant");
      }
      StorableText.require(event);
      return BatchEntry.valid(index, line, event);
    } catch (InvalidEventException e) {
      return BatchEntry.invalid(index, line, eventIdOf(body, offset, length), e);
    }
  }

  /** The top-level {@code eventId} of an element that failed validation, when it is readable at all. */
  private static @Nullable String eventIdOf(byte[] body, int offset, int length) {
    try (JsonParser parser = JSON.createParser(body, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("eventId".equals(name)) {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          String id = parser.getText();
          return id.length() > EventLimits.MAX_STRING_LENGTH ? id.substring(0, EventLimits.MAX_STRING_LENGTH) : id;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
