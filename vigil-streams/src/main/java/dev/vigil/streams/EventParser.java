package dev.vigil.streams;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses an input record into a {@link Parsed}. A valid event's record time becomes the event's own timestamp, so
 * that every window and retention downstream runs on event time, as vigil-core does. A malformed record keeps its
 * bytes and gets the reason and its origin as headers ({@link DeadLetters}), so that it can be inspected and
 * re-driven: nothing is dropped silently.
 *
 * <p>Timestamps are not checked against the wall clock (the reader is lenient about time, like {@code vigil replay}):
 * a Kafka topic is history, and re-processing it must give the same answers.
 */
final class EventParser implements FixedKeyProcessor<byte[], byte[], Parsed> {
  private final LoginEventReader reader = LoginEventReader.lenientAboutTime();
  private FixedKeyProcessorContext<byte[], Parsed> context;

  @Override
  public void init(FixedKeyProcessorContext<byte[], Parsed> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    byte[] raw = record.value();
    if (raw == null || raw.length == 0) {
      context.forward(malformed(record, "$: empty record value", new byte[0]));
      return;
    }
    LoginEvent event;
    try {
      event = reader.read(raw, 0, raw.length);
    } catch (InvalidEventException e) {
      context.forward(malformed(record, e.getMessage(), raw));
      return;
    }
    context.forward(record.withValue((Parsed) new Parsed.Valid(event, raw))
        .withTimestamp(event.timestamp().toEpochMilli()));
  }

  private FixedKeyRecord<byte[], Parsed> malformed(FixedKeyRecord<byte[], byte[]> record, String reason, byte[] raw) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    var headers = record.headers();
    headers.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
    if (origin != null) {
      headers.add(DeadLetters.TOPIC, origin.topic().getBytes(StandardCharsets.UTF_8));
      headers.add(DeadLetters.PARTITION, Integer.toString(origin.partition()).getBytes(StandardCharsets.UTF_8));
      headers.add(DeadLetters.OFFSET, Long.toString(origin.offset()).getBytes(StandardCharsets.UTF_8));
    }
    return record.withValue((Parsed) new Parsed.Malformed(reason, raw));
  }
}
