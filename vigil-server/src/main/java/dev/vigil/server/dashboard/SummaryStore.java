package dev.vigil.server.dashboard;

import dev.vigil.server.dashboard.Summary.Count;
import dev.vigil.server.dashboard.Summary.Point;
import dev.vigil.server.dashboard.Summary.Risky;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the overview from {@code login_events}, {@code assessments} and {@code incidents} of one tenant. Each
 * query is bounded by the range and grouped in the database; a range holds at most {@link SummaryStore#MAX_RANGE}
 * of events, so the console's 15-second polling costs a few index range scans.
 */
@Component
final class SummaryStore {
  static final Duration MAX_RANGE = Duration.ofDays(31);
  private static final int TOP = 8;

  private static final String LOGINS = """
      SELECT date_bin(CAST(:bucket AS interval), e.occurred_at, CAST(:from AS timestamptz)) AS at, a.decision,
             count(*) AS n
        FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
       WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to
       GROUP BY 1, 2 ORDER BY 1, 2""";
  private static final String SCORES = """
      SELECT LEAST(a.score / 10, 9) AS decile, count(*) AS n
        FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
       WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to
       GROUP BY 1 ORDER BY 1""";
  private static final String SIGNALS = """
      SELECT s->>'type' AS type, count(*) AS n
        FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id,
             json_array_elements(a.assessment->'signals') s
       WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :top""";
  private static final String RISKY = """
      SELECT %s AS key, count(*) AS n, max(a.score) AS max_score
        FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
       WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to AND a.decision <> 'ALLOW'
       GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT :top""";
  private static final String OPEN_INCIDENTS = """
      SELECT severity, count(*) AS n FROM incidents
       WHERE tenant_id = :tenant AND status IN ('OPEN', 'ACKNOWLEDGED')
       GROUP BY 1""";

  private final JdbcClient jdbc;
  private final TransactionTemplate snapshot;

  SummaryStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * The tenant's overview of [from, to), read in one repeatable-read transaction so that every part (chart,
   * tables, incident counts) comes from the same snapshot.
   */
  Summary summarize(String tenantId, Instant from, Instant to) {
    Summary summary = snapshot.execute(status -> read(tenantId, from, to));
    if (summary == null) {
      throw new IllegalStateException("the summary transaction returned nothing");
    }
    return summary;
  }

  private Summary read(String tenantId, Instant from, Instant to) {
    Duration bucket = Summary.bucketOf(from, to);
    List<Point> logins = range(LOGINS, tenantId, from, to)
        .param("bucket", bucket.toSeconds() + " seconds")
        .query((rs, n) -> new Point(rs.getTimestamp("at").toInstant(), rs.getString("decision"), rs.getLong("n")))
        .list();
    List<Count> scores = range(SCORES, tenantId, from, to)
        .query((rs, n) -> new Count(String.valueOf(rs.getInt("decile")), rs.getLong("n"))).list();
    List<Count> signals = range(SIGNALS, tenantId, from, to).param("top", TOP)
        .query((rs, n) -> new Count(rs.getString("type"), rs.getLong("n"))).list();
    List<Risky> users = risky("e.user_id", tenantId, from, to);
    List<Risky> networks = risky("e.ip_masked", tenantId, from, to);
    List<Count> incidents = jdbc.sql(OPEN_INCIDENTS).param("tenant", tenantId)
        .query((rs, n) -> new Count(rs.getString("severity"), rs.getLong("n"))).list();
    return new Summary(from, to, bucket.toSeconds(), logins, scores, signals, users, networks, incidents);
  }

  /** The column is one of two constants of this class, never request data. */
  private List<Risky> risky(String column, String tenantId, Instant from, Instant to) {
    return range(RISKY.formatted(column), tenantId, from, to).param("top", TOP)
        .query((rs, n) -> new Risky(rs.getString("key"), rs.getLong("n"), rs.getInt("max_score"))).list();
  }

  private JdbcClient.StatementSpec range(String sql, String tenantId, Instant from, Instant to) {
    return jdbc.sql(sql).param("tenant", tenantId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
  }
}
