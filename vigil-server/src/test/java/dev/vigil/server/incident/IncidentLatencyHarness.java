package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.VigilServer;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the incident loop's two SLAs (issue 6) — not a test, a harness: it asserts nothing about time.
 * Run: {@code ./mvnw -q -B test -pl vigil-server -Dtest=IncidentLatencyHarness -Dvigil.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dvigil.bench.takeovers=N}); results go to stdout and
 * {@code vigil-server/target/incident-latency.txt}.
 *
 * <ul>
 *   <li>detect → incident → enforcement: per takeover, from the login's arrival at the pipeline
 *       ({@code login_events.received_at}) to its incident's opening and to its FREEZE being DONE
 *       ({@code incident_actions.executed_at}) — both stamped by the server's clock;
 *   <li>rollback: the client's round trip of {@code POST …/rollback} after a false-positive verdict (undo of the
 *       forced logout and freeze, alerts resolved, event published, audited).
 * </ul>
 */
@EnabledIfSystemProperty(named = "vigil.bench", matches = "true")
@SpringBootTest(classes = VigilServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${VIGIL_TEST_JDBC_URL:}",
    "vigil.embedded-db.dir=target/embedded-postgres/${random.uuid}",
    "vigil.embedded-db.ephemeral=true",
    "vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
    "vigil.auth.signing-key-file=target/auth-keys/${random.uuid}/jwt-signing.key",
    "logging.level.dev.vigil.server.notify.OutboxPager=ERROR"})
final class IncidentLatencyHarness {
  private static final String INCIDENTS = "/internal/risk/login/incidents";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Test
  void measure() throws Exception {
    int takeovers = Integer.getInteger("vigil.bench.takeovers", 200);
    String tenant = "bench-" + UUID.randomUUID();
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    api.put("/admin/tenants/" + tenant + "/flags",
        "{\"playbookActions\":[\"FORCE_LOGOUT\",\"FREEZE\"],\"playbookAt\":80}");
    List<String> incidents = new ArrayList<>();
    for (int i = 0; i < takeovers; i++) {
      String user = "user-" + i;
      for (int day = 1; day <= 12; day++) {
        api.post("/api/v1/assess", login(tenant, user, user + "-home-" + day,
            "2026-10-%02dT09:00:00Z".formatted(day), "81.2.69.160", IncidentLoopTests.CHROME_ON_WINDOWS,
            IncidentLoopTests.BERLIN));
      }
      api.post("/api/v1/assess", login(tenant, user, user + "-away", "2026-10-13T09:30:00Z", "200.160.2.3",
          IncidentLoopTests.SAFARI_ON_MAC, IncidentLoopTests.SAO_PAULO));
    }
    Instant deadline = Instant.now().plusSeconds(120);
    while (doneFreezes(tenant) < takeovers) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(50);
    }
    List<Double> toIncident = millis(jdbc.sql("""
            SELECT extract(epoch FROM (i.opened_at - e.received_at)) * 1000
              FROM incidents i JOIN incident_events ie ON ie.incident_id = i.id
              JOIN login_events e ON e.tenant_id = ie.tenant_id AND e.event_id = ie.event_id
             WHERE i.tenant_id = ?""").param(tenant).query(Double.class).list());
    List<Double> toEnforcement = millis(jdbc.sql("""
            SELECT extract(epoch FROM (executed_at - event_received_at)) * 1000 FROM incident_actions
             WHERE tenant_id = ? AND action = 'FREEZE' AND status = 'DONE'""").param(tenant).query(Double.class).list());
    incidents.addAll(jdbc.sql("SELECT id::text FROM incidents WHERE tenant_id = ?").param(tenant)
        .query(String.class).list());

    List<Double> rollback = new ArrayList<>();
    for (String id : incidents) {
      api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\"}");
      long started = System.nanoTime();
      InternalApi.Answer answer = api.post(INCIDENTS + "/" + id + "/rollback", "");
      rollback.add((System.nanoTime() - started) / 1e6);
      assertThat(answer.status()).isEqualTo(200);
    }
    Collections.sort(rollback);

    String report = """
        incident loop latency, %d takeovers, %s, %d cores
        detect -> incident opened (ms):    p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
        detect -> FREEZE executed (ms):    p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
        rollback request round trip (ms):  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
        """.formatted(takeovers, System.getenv().getOrDefault("VIGIL_TEST_JDBC_URL", "").isEmpty()
            ? "embedded PostgreSQL 18" : "PostgreSQL at VIGIL_TEST_JDBC_URL",
        Runtime.getRuntime().availableProcessors(),
        p(toIncident, 50), p(toIncident, 95), p(toIncident, 99), toIncident.getLast(),
        p(toEnforcement, 50), p(toEnforcement, 95), p(toEnforcement, 99), toEnforcement.getLast(),
        p(rollback, 50), p(rollback, 95), p(rollback, 99), rollback.getLast());
    System.out.println(report);
    Files.writeString(Path.of("target/incident-latency.txt"), report);
  }

  private long doneFreezes(String tenant) {
    return jdbc.sql("SELECT count(*) FROM incident_actions WHERE tenant_id = ? AND action = 'FREEZE' AND status = 'DONE'")
        .param(tenant).query(Long.class).single();
  }

  private static List<Double> millis(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  /** Nearest-rank percentile of sorted values. */
  private static double p(List<Double> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static String login(String tenant, String user, String eventId, String timestamp, String ip,
      String userAgent, String geo) {
    String device = userAgent.equals(IncidentLoopTests.CHROME_ON_WINDOWS) ? "d-home" : "d-new";
    return """
        {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"%s","outcome":"SUCCESS","ip":"%s",
         "userAgent":"%s","deviceId":"%s","geo":%s}""".formatted(eventId, tenant, user, timestamp, ip, userAgent,
        device, geo);
  }
}
