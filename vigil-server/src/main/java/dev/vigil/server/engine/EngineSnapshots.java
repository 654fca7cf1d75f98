package dev.vigil.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When to snapshot the engine ({@link SnapshotSettings}) and how a snapshot is stored. The snapshot itself is
 * taken by {@link LoginPipeline} under the engine lock and stored once every login before it is stored (a writer
 * barrier), so that its {@code lastSeq} is exact.
 */
@Component
final class EngineSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(EngineSnapshots.class);

  private final SnapshotStore store;
  private final SnapshotSettings settings;
  private final Clock clock;
  private volatile Instant last;
  /** One thread, so that snapshots are stored in the order they were taken. */
  private final Executor storing = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("vigil-snapshot-store").daemon(true).factory());

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

  /**
   * Stores a snapshot once {@code lastSeq} (the writer's barrier) is known, on this class's own thread: a snapshot
   * is megabytes, and storing it on the writer thread would hold up every login's commit meanwhile.
   *
   * @return completes with {@code lastSeq} once stored
   */
  CompletableFuture<Long> store(CompletableFuture<Long> lastSeq, byte[] snapshot, byte[] knownEvents, int profiles) {
    return lastSeq.thenApplyAsync(seq -> {
      long started = System.nanoTime();
      store.save(seq, profiles, snapshot, knownEvents, clock.instant(), settings.keep());
      LOG.info("engine snapshot stored: {} profiles, {} KiB, up to event seq {} ({} ms)", profiles,
          (snapshot.length + knownEvents.length) / 1024, seq, (System.nanoTime() - started) / 1_000_000);
      return seq;
    }, storing);
  }
}
