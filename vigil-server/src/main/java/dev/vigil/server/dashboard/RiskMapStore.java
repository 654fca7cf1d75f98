package dev.vigil.server.dashboard;

import dev.vigil.server.dashboard.RiskMap.Country;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts a tenant's challenged and denied logins per stored country (V70) over a range, grouped in the database. */
@Component
final class RiskMapStore {
  static final String UNKNOWN = "??";

  private final JdbcClient jdbc;

  RiskMapStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  RiskMap map(String tenantId, Instant from, Instant to) {
    List<Country> rows = jdbc.sql("""
            SELECT e.country, count(*) FILTER (WHERE a.decision = 'CHALLENGE') AS challenged,
                   count(*) FILTER (WHERE a.decision = 'DENY') AS denied
              FROM login_events e JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
             WHERE e.tenant_id = :tenant AND e.occurred_at >= :from AND e.occurred_at < :to
               AND a.decision IN ('CHALLENGE', 'DENY')
             GROUP BY 1 ORDER BY count(*) DESC, 1""")
        .param("tenant", tenantId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> {
          String code = rs.getString("country");
          return new Country(code == null ? UNKNOWN : code, rs.getLong("challenged"), rs.getLong("denied"));
        })
        .list();
    List<Country> known = new ArrayList<>(rows.size());
    Country unknown = new Country(UNKNOWN, 0, 0);
    for (Country row : rows) {
      if (row.code().equals(UNKNOWN)) {
        unknown = row;
      } else {
        known.add(row);
      }
    }
    return new RiskMap(from, to, known, unknown);
  }
}
