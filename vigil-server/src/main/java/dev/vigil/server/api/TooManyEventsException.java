package dev.vigil.server.api;

import dev.vigil.core.event.VigilException;

/** A batch held more than {@code vigil.api.max-batch-events} events; answered with 413. */
final class TooManyEventsException extends VigilException {
  private final int limit;

  TooManyEventsException(int limit) {
    super("a batch holds at most " + limit + " events");
    this.limit = limit;
  }

  int limit() {
    return limit;
  }
}
