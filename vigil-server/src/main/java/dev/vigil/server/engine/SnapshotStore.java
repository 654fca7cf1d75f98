package dev.vigil.server.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code engine_snapshots} table (migration V10): the engine's state and the last event it includes. */
@Component
final class SnapshotStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  SnapshotStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A stored snapshot. */
  record Snapshot(long lastSeq, int profiles, Instant createdAt, byte[] bytes, byte @Nullable [] knownEvents) {
    @Override
    public String toString() {
      return "Snapshot[lastSeq=" + lastSeq + ", profiles=" + profiles + ", bytes=" + bytes.length + "]";
    }
  }

  Optional<Snapshot> newest() {
    return jdbc.sql("""
            SELECT last_seq, profiles, created_at, snapshot, known_events FROM engine_snapshots
             ORDER BY last_seq DESC, id DESC LIMIT 1""")
        .query((rs, row) -> new Snapshot(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
            rs.getBytes(4), rs.getBytes(5)))
        .optional();
  }

  /** Stores a snapshot and drops all but the newest {@code keep}. */
  void save(long lastSeq, int profiles, byte[] snapshot, byte[] knownEvents, Instant now, int keep) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("""
              INSERT INTO engine_snapshots (last_seq, profiles, created_at, snapshot, known_events)
              VALUES (:lastSeq, :profiles, :createdAt, :snapshot, :knownEvents)""")
          .param("lastSeq", lastSeq)
          .param("profiles", profiles)
          .param("createdAt", Timestamp.from(now))
          .param("snapshot", snapshot)
          .param("knownEvents", knownEvents)
          .update();
      jdbc.sql("""
              DELETE FROM engine_snapshots
               WHERE id NOT IN (SELECT id FROM engine_snapshots ORDER BY last_seq DESC, id DESC LIMIT :keep)""")
          .param("keep", keep)
          .update();
    });
  }
}
