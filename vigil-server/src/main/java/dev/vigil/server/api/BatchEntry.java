package dev.vigil.server.api;

import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import org.jspecify.annotations.Nullable;

/**
 * One element of a batch as read: an event, or the reason it is not one.
 *
 * @param index position among the batch's events, from 0
 * @param line 1-based line number in a JSON-lines body; null for a JSON array
 * @param event the event; null when invalid
 * @param eventId the eventId the element names, when it could be read (also for most invalid ones)
 * @param error why the element is not a valid event; null when valid
 * @param skipped for vendor formats, what kind of record this is when it is not a login attempt; else null
 */
record BatchEntry(int index, @Nullable Integer line, @Nullable LoginEvent event, @Nullable String eventId,
    @Nullable InvalidEventException error, @Nullable String skipped) {

  static BatchEntry valid(int index, @Nullable Integer line, LoginEvent event) {
    return new BatchEntry(index, line, event, event.eventId(), null, null);
  }

  static BatchEntry invalid(int index, @Nullable Integer line, @Nullable String eventId, InvalidEventException error) {
    return new BatchEntry(index, line, null, eventId, error, null);
  }

  static BatchEntry skipped(int index, int line, String kind) {
    return new BatchEntry(index, line, null, null, null, kind);
  }

  @Override
  public String toString() {
    return "BatchEntry[index=" + index + ", valid=" + (error == null) + "]";
  }
}
