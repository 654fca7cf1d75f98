package dev.vigil.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.server.engine.AssessedLogin;
import dev.vigil.server.engine.LoginPipeline;
import dev.vigil.server.engine.StorableText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Batch ingest: reads a body of events, assesses the valid ones through {@link LoginPipeline} (in order, stored
 * in a few group commits) and answers one {@link EventResult} per element. Invalid elements are reported and
 * skipped; they never fail the batch. Returns only after every valid event is stored.
 */
@Component
final class BatchIngest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a batch body is framed. */
  enum Format { JSON_ARRAY, JSON_LINES }

  private final LoginPipeline pipeline;
  private final int maxEvents;
  private final Clock clock;

  BatchIngest(LoginPipeline pipeline, ApiSettings settings, Clock clock) {
    this.pipeline = pipeline;
    this.maxEvents = settings.maxBatchEvents();
    this.clock = clock;
  }

  /**
   * Ingests a batch for one tenant: events that name no tenant get it, events that name another are invalid.
   *
   * @throws InvalidEventException when a JSON array body is malformed as a whole
   * @throws TooManyEventsException when the batch is over the event limit
   * @throws dev.vigil.server.engine.StoreUnavailableException when storing failed (send the batch again)
   */
  List<EventResult> ingest(String tenantId, byte[] body, Format format) {
    EventBatchReader reader = new EventBatchReader(LoginEventReader.withDefaultTenant(tenantId, clock), tenantId,
        maxEvents);
    List<BatchEntry> entries = switch (format) {
      case JSON_ARRAY -> reader.readArray(body);
      case JSON_LINES -> reader.readLines(body);
    };
    return assess(entries);
  }

  /**
   * Ingests a vendor's export or log ({@code ?format=}) for one tenant: every event is the key's tenant's, times more
   * than five minutes ahead of the clock are invalid, yearless syslog times are read in UTC ({@code zone} otherwise)
   * and given the year that puts them before now.
   *
   * @throws TooManyEventsException when the body holds more records than the event limit
   * @throws dev.vigil.server.engine.StoreUnavailableException when storing failed (send the batch again)
   */
  List<EventResult> ingest(String tenantId, byte[] body, dev.vigil.core.format.Format vendorFormat,
      java.time.ZoneId zone) {
    var context = new dev.vigil.core.format.AdapterContext(tenantId, zone, clock.instant(), true);
    List<dev.vigil.core.format.FormatReader.Entry> records =
        dev.vigil.core.format.FormatReader.of(vendorFormat, context).readAll(body);
    if (records.size() > maxEvents) {
      throw new TooManyEventsException(maxEvents);
    }
    List<BatchEntry> entries = new ArrayList<>(records.size());
    for (var record : records) {
      InvalidEventException error = record.error();
      if (error != null) {
        entries.add(BatchEntry.invalid(record.index(), record.line(), null, error));
      } else if (record.conversion() instanceof dev.vigil.core.format.Conversion.Skipped skipped) {
        entries.add(BatchEntry.skipped(record.index(), record.line(), skipped.kind()));
      } else if (record.conversion() instanceof dev.vigil.core.format.Conversion.Converted converted) {
        try {
          StorableText.require(converted.event());
          entries.add(BatchEntry.valid(record.index(), record.line(), converted.event()));
        } catch (InvalidEventException e) {
          entries.add(BatchEntry.invalid(record.index(), record.line(), converted.event().eventId(), e));
        }
      }
    }
    return assess(entries);
  }

  private List<EventResult> assess(List<BatchEntry> entries) {
    List<LoginEvent> events = new ArrayList<>(entries.size());
    for (BatchEntry entry : entries) {
      if (entry.event() != null) {
        events.add(entry.event());
      }
    }
    List<AssessedLogin> assessed = pipeline.assessAll(events);
    List<EventResult> results = new ArrayList<>(entries.size());
    int next = 0;
    for (BatchEntry entry : entries) {
      InvalidEventException error = entry.error();
      if (entry.skipped() != null) {
        results.add(new EventResult(entry.index(), entry.line(), null, EventResult.SKIPPED, null, null, null,
            entry.skipped()));
      } else if (error != null) {
        results.add(new EventResult(entry.index(), entry.line(), entry.eventId(), EventResult.INVALID, null, null,
            new EventResult.FieldError(error.field(), ProblemHandler.messageWithoutField(error))));
      } else {
        results.add(result(entry, assessed.get(next++)));
      }
    }
    return results;
  }

  private static EventResult result(BatchEntry entry, AssessedLogin login) {
    Assessment assessment = login.assessment();
    if (assessment != null) {
      return new EventResult(entry.index(), entry.line(), entry.eventId(), EventResult.ASSESSED,
          assessment.decision().name(), assessment.score(), null);
    }
    JsonNode stored = readStored(login.json());
    return new EventResult(entry.index(), entry.line(), entry.eventId(), EventResult.DUPLICATE,
        stored.path("decision").asText(null), stored.path("score").isInt() ? stored.path("score").asInt() : null,
        null);
  }

  private static JsonNode readStored(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored assessment is not JSON", e);
    }
  }
}
