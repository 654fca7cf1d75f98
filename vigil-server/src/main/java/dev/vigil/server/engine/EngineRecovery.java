package dev.vigil.server.engine;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEventReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the engine at start: the newest snapshot, then every stored raw event after it, in {@code seq} order
 * (the order the engine first saw them in), so profiles survive restarts and crashes alike. A snapshot that cannot
 * be read (a format from another version) is set aside with a warning and everything still held is replayed: the
 * events are the truth, the snapshot a shortcut. Events whose raw JSON the retention job removed are skipped.
 */
final class EngineRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(EngineRecovery.class);
  private static final int FETCH_SIZE = 1000;

  private final SnapshotStore snapshots;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final long logEvery;
  private final long knownEventsCapacity;

  EngineRecovery(SnapshotStore snapshots, DataSource dataSource, TransactionTemplate transactions, long logEvery,
      long knownEventsCapacity) {
    this.snapshots = snapshots;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.logEvery = logEvery;
    this.knownEventsCapacity = knownEventsCapacity;
  }

  /** Restores and replays; {@code builder} supplies a fresh builder with the configured settings and enricher. */
  RecoveredEngine recover(Supplier<VigilEngine.Builder> builder) {
    VigilEngine.Builder restored = builder.get();
    KnownEvents known = new KnownEvents(knownEventsCapacity);
    long fromSeq = 0;
    boolean knownLoaded = false;
    Optional<SnapshotStore.Snapshot> newest = snapshots.newest();
    if (newest.isPresent()) {
      SnapshotStore.Snapshot snapshot = newest.get();
      try {
        restored.restore(new ByteArrayInputStream(snapshot.bytes()));
        fromSeq = snapshot.lastSeq();
        byte[] savedKnown = snapshot.knownEvents();
        knownLoaded = savedKnown != null && known.load(savedKnown);
        LOG.info("engine restored from the snapshot of {} ({} profiles, up to event seq {})",
            snapshot.createdAt(), snapshot.profiles(), fromSeq);
      } catch (IOException | RuntimeException e) {
        LOG.warn("the newest engine snapshot cannot be read ({}); rebuilding from every stored event", e.getMessage());
        restored = builder.get();
      }
    } else {
      LOG.info("no engine snapshot stored; rebuilding from every stored event");
    }
    VigilEngine engine = restored.build();
    if (!knownLoaded && fromSeq > 0) {
      collectKeys(known, fromSeq);
    }
    Progress progress = replay(engine, known, fromSeq);
    long lastSeq = progress.lastSeq;
    long replayed = progress.replayed;
    return new RecoveredEngine(engine, lastSeq, replayed, known);
  }

  /** Fills the idempotency filter from the table when the snapshot holds none of this size (a changed setting). */
  private void collectKeys(KnownEvents known, long toSeq) {
    long started = System.nanoTime();
    JdbcTemplate cursor = new JdbcTemplate(dataSource);
    cursor.setFetchSize(FETCH_SIZE);
    long[] keys = new long[1];
    transactions.executeWithoutResult(status -> cursor.query(
        "SELECT tenant_id, event_id FROM login_events WHERE seq <= ?",
        rs -> {
          known.add(rs.getString(1), rs.getString(2));
          keys[0]++;
        },
        toSeq));
    LOG.info("idempotency filter rebuilt from {} stored events in {} ms", keys[0],
        (System.nanoTime() - started) / 1_000_000);
  }

  private Progress replay(VigilEngine engine, KnownEvents known, long fromSeq) {
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    JdbcTemplate cursor = new JdbcTemplate(dataSource);
    cursor.setFetchSize(FETCH_SIZE); // PostgreSQL streams with a fetch size only inside a transaction
    Progress progress = new Progress(fromSeq);
    transactions.executeWithoutResult(status -> cursor.query(
        "SELECT seq, tenant_id, event_id, raw_event FROM login_events WHERE seq > ? ORDER BY seq",
        rs -> {
          progress.lastSeq = rs.getLong(1);
          known.add(rs.getString(2), rs.getString(3));
          String raw = rs.getString(4);
          if (raw == null) {
            progress.withoutRaw++;
            return;
          }
          try {
            engine.assess(reader.read(raw));
            progress.replayed++;
          } catch (InvalidEventException e) {
            progress.unreadable++;
          }
          if ((progress.replayed + progress.withoutRaw + progress.unreadable) % logEvery == 0) {
            LOG.info("replaying stored events: {} so far, at seq {}", progress.replayed, progress.lastSeq);
          }
        },
        fromSeq));
    if (progress.replayed + progress.withoutRaw + progress.unreadable > 0) {
      LOG.info("replayed {} stored events after seq {} in {} ms ({} without raw event past retention, "
              + "{} unreadable); engine holds {} profiles", progress.replayed, fromSeq, progress.millis(),
          progress.withoutRaw, progress.unreadable, engine.profileCount());
    }
    return progress;
  }

  /** Replay counters; the row callback runs on the calling thread only. */
  private static final class Progress {
    final long started = System.nanoTime();
    long lastSeq;
    long replayed;
    long withoutRaw;
    long unreadable;

    Progress(long fromSeq) {
      this.lastSeq = fromSeq;
    }

    long millis() {
      return (System.nanoTime() - started) / 1_000_000;
    }
  }
}
