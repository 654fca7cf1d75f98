package dev.vigil.streams;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** The eventIds a task has assessed: the idempotency promise (the same eventId is assessed once). */
interface SeenEvents {
  /** Records the event and says whether it is the first time; {@code false} means drop it. */
  boolean firstTime(String tenantId, String eventId, long eventTimeMillis);

  /**
   * The production form: a changelog-backed window store keyed by tenant+eventId, placed at the event's time, so
   * RocksDB drops whole segments once stream time has moved {@code retention} past them.
   */
  static SeenEvents windowed(ProcessorContext<?, ?> context, Duration retention) {
    WindowStore<String, Long> store = context.getStateStore(VigilTopology.SEEN_STORE);
    long span = retention.toMillis();
    return (tenantId, eventId, time) -> {
      String key = tenantId + '\u0000' + eventId;
      try (WindowStoreIterator<Long> earlier = store.fetch(key, Math.max(0, time - span), time + span)) {
        if (earlier.hasNext()) {
          return false;
        }
      }
      store.put(key, time, time);
      return true;
    };
  }
}
