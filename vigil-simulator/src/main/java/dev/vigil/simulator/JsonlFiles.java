package dev.vigil.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code events.jsonl} (the public contract, exactly what {@link LoginEventWriter#toJson} gives, one per
 * line) and {@code labels.jsonl} (the ground truth, same order). One streaming generator per file instead of a
 * string per event keeps a 300,000-event run to well under a second of writing.
 */
final class JsonlFiles implements EventSink, Closeable {
  static final String EVENTS = "events.jsonl";
  static final String LABELS = "labels.jsonl";

  // No separator between root values: each line ends with an explicit newline instead of Jackson's space.
  private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

  private final JsonGenerator events;
  private final JsonGenerator labels;

  JsonlFiles(Path directory) throws IOException {
    Files.createDirectories(directory);
    this.events = JSON.createGenerator(writer(directory.resolve(EVENTS)));
    JsonGenerator labelGenerator;
    try {
      labelGenerator = JSON.createGenerator(writer(directory.resolve(LABELS)));
    } catch (IOException e) {
      events.close();
      throw e;
    }
    this.labels = labelGenerator;
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void accept(LoginEvent event, Label label) {
    try {
      LoginEventWriter.write(event, events);
      events.writeRaw('\n');
      writeLabel(label);
      labels.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeLabel(Label label) throws IOException {
    labels.writeStartObject();
    labels.writeStringField("eventId", label.eventId());
    labels.writeStringField("label", label.isAttack() ? "attack" : "legit");
    nullable("attackType", label.attackType() == null ? null : label.attackType().name());
    nullable("attackerModel", label.attackerModel() == null ? null : label.attackerModel().labelName());
    nullable("campaignId", label.campaignId());
    labels.writeStringField("tenantId", label.tenantId());
    labels.writeStringField("userId", label.userId());
    labels.writeStringField("outcome", label.outcome().name());
    labels.writeEndObject();
  }

  private void nullable(String field, @org.jspecify.annotations.Nullable String value) throws IOException {
    if (value == null) {
      labels.writeNullField(field);
    } else {
      labels.writeStringField(field, value);
    }
  }

  @Override
  public void close() throws IOException {
    try (events; labels) {
      events.flush();
      labels.flush();
    }
  }
}
