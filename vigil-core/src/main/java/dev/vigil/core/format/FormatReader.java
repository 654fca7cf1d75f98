package dev.vigil.core.format;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.event.InvalidEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a vendor's export or log in one {@link Format} and converts each record. Immutable and thread-safe.
 *
 * <p>Framing, for JSON formats: an input whose first character is {@code [}, or a {@code {} whose first line is not
 * a complete object (pretty-printed), is read as a sequence of JSON documents — arrays contribute their elements,
 * objects themselves; otherwise it is JSON lines, one object per line. Either way an object holding a
 * {@code Records} array and no {@code eventName} (a CloudTrail log file) contributes its records. Text formats
 * (sshd) are lines. Blank lines and a UTF-8 byte order mark are skipped silently.
 *
 * <p>Each record becomes an {@link Entry}: its 1-based line (where the record starts), its running index, and an
 * event, a skip (not a login attempt) or the reason it is invalid. A JSON document whose structure breaks ends the
 * read with one invalid entry at the line of the break, since nothing after it can be placed.
 */
public final class FormatReader {
  private final Format format;
  private final EventAdapter adapter;

  private FormatReader(Format format, EventAdapter adapter) {
    this.format = format;
    this.adapter = adapter;
  }

  /** A reader of {@code format} whose events belong to {@code context}'s tenant. */
  public static FormatReader of(Format format, AdapterContext context) {
    requireNonNull(format, "format");
    requireNonNull(context, "context");
    return new FormatReader(format, format.adapter(context));
  }

  public Format format() {
    return format;
  }

  /** One record read from an input. */
  public record Entry(int index, int line, @Nullable Conversion conversion, @Nullable InvalidEventException error) {
    /** Whether this record is a login event (not skipped, not invalid). */
    public boolean isEvent() {
      return conversion instanceof Conversion.Converted;
    }
  }

  /**
   * Converts one line (a JSON object for JSON formats, a log line for sshd): what {@code vigil tail} does.
   *
   * @throws InvalidEventException when the line is invalid
   */
  public Conversion convertLine(String line) {
    requireNonNull(line, "line");
    if (format.json()) {
      return expandOne(VendorJson.parse(line));
    }
    return adapter.convertLine(line);
  }

  /** Reads a whole input (UTF-8) and converts every record, in order. */
  public List<Entry> readAll(byte[] input) {
    requireNonNull(input, "input");
    int start = startsWithBom(input) ? 3 : 0;
    int first = firstNonBlank(input, start);
    List<Entry> entries = new ArrayList<>();
    if (first < input.length && format.json()
        && (input[first] == '[' || (input[first] == '{' && !firstLineIsComplete(input, first)))) {
      readDocuments(input, start, entries);
    } else {
      readLines(input, start, entries);
    }
    return entries;
  }

  private void readLines(byte[] input, int start, List<Entry> entries) {
    int lineNumber = 0;
    int from = start;
    while (from < input.length) {
      int end = from;
      while (end < input.length && input[end] != '\n') {
        end++;
      }
      lineNumber++;
      int last = end;
      if (last > from && input[last - 1] == '\r') {
        last--;
      }
      if (firstNonBlank(input, from) < last) {
        String line = new String(input, from, last - from, StandardCharsets.UTF_8);
        if (format.json()) {
          JsonNode node;
          try {
            node = VendorJson.parse(line);
          } catch (InvalidEventException e) {
            entries.add(new Entry(entries.size(), lineNumber, null, e));
            from = end + 1;
            continue;
          }
          addRecords(node, lineNumber, entries);
        } else {
          entries.add(convert(() -> adapter.convertLine(line), entries.size(), lineNumber));
        }
      }
      from = end + 1;
    }
  }

  private void readDocuments(byte[] input, int start, List<Entry> entries) {
    // Decoded here, not by Jackson: from bytes Jackson guesses UTF-16 or UTF-32 for some inputs and then fails
    // with a CharConversionException (found by fuzzing). The contract is UTF-8; bad bytes become U+FFFD.
    String text = new String(input, start, input.length - start, StandardCharsets.UTF_8);
    try (JsonParser parser = VendorJson.FACTORY.createParser(text)) {
      parser.setCodec(VendorJson.MAPPER);
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == null) {
              throw new InvalidEventException("$", "the JSON array is not closed");
            }
            int line = line(parser.currentTokenLocation());
            JsonNode node = parser.readValueAsTree();
            addRecords(node, line, entries);
          }
        } else {
          int line = line(parser.currentTokenLocation());
          JsonNode node = parser.readValueAsTree();
          addRecords(node, line, entries);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      entries.add(new Entry(entries.size(), at == null ? 0 : line(at), null,
          new InvalidEventException("$", "malformed JSON: " + e.getOriginalMessage())));
    } catch (InvalidEventException e) {
      entries.add(new Entry(entries.size(), 0, null, e));
    } catch (IOException e) {
      // Reading a String fails only on content; report it like any malformed record.
      entries.add(new Entry(entries.size(), 0, null, new InvalidEventException("$", "unreadable: " + e.getMessage())));
    }
  }

  private static int line(JsonLocation location) {
    return Math.max(1, location.getLineNr());
  }

  private void addRecords(@Nullable JsonNode node, int line, List<Entry> entries) {
    if (node == null || !node.isObject()) {
      entries.add(new Entry(entries.size(), line, null,
          new InvalidEventException("$", "a record must be a JSON object")));
      return;
    }
    JsonNode records = node.get("Records");
    if (records != null && records.isArray() && !node.has("eventName")) {
      for (JsonNode record : records) {
        addRecords(record, line, entries);
      }
      return;
    }
    entries.add(convert(() -> ((EventAdapter.JsonAdapter) adapter).convert(node), entries.size(), line));
  }

  private Conversion expandOne(JsonNode node) {
    JsonNode records = node.get("Records");
    if (records != null && records.isArray() && !node.has("eventName")) {
      throw new InvalidEventException("Records", "a line must hold one record; read log files whole");
    }
    return ((EventAdapter.JsonAdapter) adapter).convert(node);
  }

  private static Entry convert(java.util.function.Supplier<Conversion> conversion, int index, int line) {
    try {
      return new Entry(index, line, conversion.get(), null);
    } catch (InvalidEventException e) {
      return new Entry(index, line, null, e);
    }
  }

  private static boolean firstLineIsComplete(byte[] input, int from) {
    int end = from;
    while (end < input.length && input[end] != '\n') {
      end++;
    }
    try (JsonParser parser = VendorJson.FACTORY.createParser(new String(input, from, end - from,
        StandardCharsets.UTF_8))) {
      parser.nextToken();
      parser.skipChildren();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int firstNonBlank(byte[] input, int from) {
    int i = from;
    while (i < input.length && (input[i] == ' ' || input[i] == '\t' || input[i] == '\r' || input[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static boolean startsWithBom(byte[] input) {
    return input.length >= 3 && input[0] == (byte) 0xEF && input[1] == (byte) 0xBB && input[2] == (byte) 0xBF;
  }
}
