package dev.vigil.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The server's frequent queries run along their indexes on a realistically filled, analysed table — the planner's
 * own choice, no {@code enable_seqscan = off}. Runs on whichever PostgreSQL the tests use (CI: the real one). The
 * SQL is read from the classes that run it, so a changed query is checked as it is.
 */
@ServerTest
final class QueryPlanTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 4000;
  private static final int USERS = 100;
  /** Mirrors {@code AlertStore.unreadCount} (the alert feature's own SQL is not exposed). */
  private static final String UNREAD_ALERTS = """
      SELECT count(*) FROM security_alerts
       WHERE tenant_id = :tenant AND user_id = :user AND NOT acknowledged""";

  @Autowired
  JdbcClient jdbc;

  private final String tenant = "t-" + UUID.randomUUID();
  private final Instant now = Instant.now();

  @BeforeEach
  void loadAndAnalyse() {
    Map<String, Object> params = Map.of("tenant", tenant, "now", Timestamp.from(now), "events", EVENTS,
        "users", USERS);
    jdbc.sql("""
            INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, ip_hmac, ip_masked,
                                      device_present, received_at, raw_event)
            SELECT :tenant, 'e-' || g, 'user-' || (g % :users), CAST(:now AS timestamptz) - make_interval(mins => g), 'SUCCESS',
                   repeat('0', 64), '198.51.100.xxx', false, CAST(:now AS timestamptz) - make_interval(mins => g % 1000),
                   '{"ip":"198.51.100.23"}'
              FROM generate_series(1, :events) g""").params(params).update();
    jdbc.sql("""
            INSERT INTO assessments (tenant_id, event_id, score, decision, assessment, created_at)
            SELECT :tenant, 'e-' || g, 10, 'ALLOW', '{"level":"LOW","signals":[]}'::json, :now
              FROM generate_series(1, :events) g""").params(params).update();
    jdbc.sql("""
            INSERT INTO security_alerts (tenant_id, user_id, event_id, alert_type, signal_types, severity, message,
                                         score, decision, acknowledged, occurred_at, created_at, dedup_key)
            SELECT :tenant, 'user-' || (g % :users), 'e-' || g, 'new_device', ARRAY['new_device'], 'medium', 'm',
                   40, 'ALLOW', g % 3 <> 0, :now, CAST(:now AS timestamptz) - make_interval(mins => g), 'event:e-' || g
              FROM generate_series(1, :events) g""").params(params).update();
    jdbc.sql("INSERT INTO tenants (id, created_at) VALUES (:tenant, :now)").params(params).update();
    jdbc.sql("""
            INSERT INTO api_keys (id, tenant_id, secret_sha256, created_at)
            SELECT substr(md5(:tenant || g), 1, 16), :tenant, sha256(convert_to(g::text, 'UTF8')), :now
              FROM generate_series(1, :events) g""").params(params).update();
    for (String table : List.of("login_events", "assessments", "security_alerts", "api_keys")) {
      jdbc.sql("ANALYZE " + table).update();
    }
  }

  @AfterEach
  void removeRows() {
    for (String table : List.of("security_alerts", "assessments", "login_events", "api_keys", "tenants")) {
      jdbc.sql("DELETE FROM " + table + " WHERE " + (table.equals("tenants") ? "id" : "tenant_id") + " = ?")
          .param(tenant).update();
    }
  }

  @Test
  void readsAUsersRecentAssessmentsAlongTheUserTimeIndexAndTheAssessmentKey() throws Exception {
    List<String> indexes = indexScans(sql("dev.vigil.server.risk.UserRiskStore", "RECENT"),
        Map.of("tenant", tenant, "user", "user-7", "limit", 20));

    assertThat(indexes).contains("login_events_user_time", "assessments_pkey");
  }

  @Test
  void countsAUsersUnreadAlertsAlongTheUnreadIndex() throws Exception {
    assertThat(indexScans(UNREAD_ALERTS, Map.of("tenant", tenant, "user", "user-7")))
        .contains("security_alerts_user_unread");
  }

  @Test
  void findsRawEventsPastRetentionAlongThePartialIndex() throws Exception {
    Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(30)));

    assertThat(indexScans(sql("dev.vigil.server.retention.RawEventRetention", "SWEEP_BATCH"),
        Map.of("cutoff", cutoff, "batch", 1000))).contains("login_events_raw_retention");
  }

  @Test
  void looksUpAnApiKeyByItsPrimaryKey() throws Exception {
    assertThat(indexScans(sql("dev.vigil.server.access.ApiKeyStore", "FIND_KEY"),
        Map.of("id", "0123456789abcdef"))).contains("api_keys_pkey");
  }

  /** Names of the indexes read by Index Scan, Index Only Scan or Bitmap Index Scan nodes of the plan. */
  private List<String> indexScans(String sql, Map<String, Object> params) throws Exception {
    String plan = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql).params(params).query(String.class).single();
    List<String> names = new ArrayList<>();
    collect(JSON.readTree(plan), names);
    return names;
  }

  private static void collect(JsonNode node, List<String> names) {
    String type = node.path("Node Type").asText();
    if (type.equals("Index Scan") || type.equals("Index Only Scan") || type.equals("Bitmap Index Scan")) {
      names.add(node.path("Index Name").asText());
    }
    node.forEach(child -> collect(child, names));
  }

  private static String sql(String className, String constant) throws ClassNotFoundException {
    return (String) ReflectionTestUtils.getField(Class.forName(className), constant);
  }
}
