package dev.vigil.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When to snapshot the engine ({@link SnapshotSettings}) and how a snapshot is stored. The snapshot itself is
 * taken by {@link LoginPipeline} under the engine lock and stored by the writer thread once every login before it
 * is stored, so that its {@code lastSeq} is exact.
 */
@Component
final class EngineSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(EngineSnapshots.class);

  private final SnapshotStore store;
  private final SnapshotSettings settings;
  private final Clock clock;
  private volatile Instant last;

  EngineSnapshots(SnapshotStore store, SnapshotSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.last = clock.instant();
  }

  /** Whether a snapshot is due after {@code eventsSince} events assessed since the last one. */
  boolean due(long eventsSince) {
    return eventsSince >= settings.everyEvents()
        || eventsSince > 0 && Duration.between(last, clock.instant()).compareTo(settings.every()) >= 0;
  }

  /** Marks a snapshot as taken now, so the time rule counts from here. */
  void taken() {
    last = clock.instant();
  }

  /** What the writer runs to store a snapshot, given the last {@code seq} stored before it. */
  LongConsumer saver(byte[] snapshot, byte[] knownEvents, int profiles) {
    return lastSeq -> {
      long started = System.nanoTime();
      store.save(lastSeq, profiles, snapshot, knownEvents, clock.instant(), settings.keep());
      LOG.info("engine snapshot stored: {} profiles, {} KiB, up to event seq {} ({} ms)", profiles,
          snapshot.length / 1024, lastSeq, (System.nanoTime() - started) / 1_000_000);
    };
  }
}
