package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import dev.vigil.server.support.InternalApi.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's data added for the map, the policy view, the lists and the incident's notifications, over HTTP
 * against the real server: what each counts or lists equals the database, it stays inside the caller's tenant,
 * and bad parameters are problems.
 */
@DashboardServerTest
final class ConsoleDataEndpointsTests {
  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  private InternalApi api;

  @BeforeEach
  void setUp() {
    api = new InternalApi(port, "t-" + UUID.randomUUID(), keys, jdbc);
  }

  // --- map ---

  @Test
  void mapCountsFlaggedLoginsPerStoredCountryOfTheTenantOnly() {
    ConsoleFixtures.bruteForceFrom(api, "br", 8);
    ConsoleFixtures.bruteForceFrom(api, "RU", 7);
    ConsoleFixtures.bruteForceFrom(api.as("t-" + UUID.randomUUID()), "CN", 9);

    JsonNode map = api.get("/internal/dashboard/map").json();

    Map<String, Long> shown = new HashMap<>();
    for (JsonNode country : map.path("countries")) {
      shown.put(country.path("code").asText(), country.path("challenged").asLong() + country.path("denied").asLong());
    }
    Map<String, Long> stored = new HashMap<>();
    jdbc.sql("""
            SELECT e.country, count(*) FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND a.decision <> 'ALLOW' AND e.country IS NOT NULL GROUP BY 1""")
        .param(api.tenant()).query((rs, n) -> stored.put(rs.getString(1), rs.getLong(2))).list();
    assertThat(stored).as("the caller's country is stored upper-cased, the burst flagged").containsKeys("BR", "RU");
    assertThat(shown).isEqualTo(stored).doesNotContainKey("CN");
    assertThat(jdbc.sql("SELECT DISTINCT country FROM login_events WHERE tenant_id = ? AND user_id LIKE 'victim-%'")
        .param(api.tenant()).query(String.class).list()).containsExactlyInAnyOrder("BR", "RU");
  }

  @Test
  void mapRefusesAnInvertedRange() {
    Answer answer = api.get("/internal/dashboard/map?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  // --- policy ---

  @Test
  void analystSeesThePolicyAndBacktestsButOnlyAnAdministratorSaves() {
    JsonNode view = api.get("/internal/policy").json();
    assertThat(view.path("tenantId").asText()).isEqualTo(api.tenant());
    assertThat(view.path("effective").path("challengeAt").asInt()).isEqualTo(50);
    assertThat(view.path("detectors").toString()).contains("BRUTE_FORCE");

    Answer byAnalyst = put(api.analystToken(), "{\"challengeAt\":40}");
    assertThat(byAnalyst.status()).as("an analyst may not save").isEqualTo(403);
    Answer byAdmin = api.put("/admin/tenants/" + api.tenant() + "/flags", "{\"challengeAt\":40,\"denyAt\":95}");
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);

    JsonNode effective = api.get("/internal/policy").json().path("effective");
    assertThat(effective.path("challengeAt").asInt()).isEqualTo(40);
    assertThat(effective.path("denyAt").asInt()).isEqualTo(95);
    assertThat(api.as("t-" + UUID.randomUUID()).get("/internal/policy").json().path("effective")
        .path("challengeAt").asInt()).as("another tenant's policy is untouched").isEqualTo(50);
    assertThat(api.get("/internal/audit?action=flags.update").json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void thresholdsThatMakeNoPolicyAreRefusedBeforeAnythingIsStored() {
    Answer backtest = api.post("/internal/policy/backtest", "{\"challengeAt\":95}");
    assertThat(backtest.status()).as("above the configured deny threshold of 90").isEqualTo(400);
    assertThat(backtest.contentType()).isEqualTo("application/problem+json");
    assertThat(backtest.json().path("detail").asText()).contains("denyAt");
    Answer save = api.put("/admin/tenants/" + api.tenant() + "/flags", "{\"challengeAt\":60,\"denyAt\":55}");
    assertThat(save.status()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT count(*) FROM tenant_policy WHERE tenant_id = ?").param(api.tenant())
        .query(Long.class).single()).isZero();
  }

  @Test
  void backtestRedecidesTheStoredLoginsOfTheLastWeekUnderTheProposal() {
    ConsoleFixtures.bruteForceFrom(api, "BR", 8);
    Map<String, Long> stored = storedDecisions(api.tenant());
    long flagged = stored.getOrDefault("CHALLENGE", 0L) + stored.getOrDefault("DENY", 0L);
    assertThat(flagged).as("the burst was flagged").isPositive();

    JsonNode same = api.post("/internal/policy/backtest", "{}").json();
    assertThat(same.path("current").path("challenge").asLong()).isEqualTo(stored.getOrDefault("CHALLENGE", 0L));
    assertThat(same.path("current").path("deny").asLong()).isEqualTo(stored.getOrDefault("DENY", 0L));
    assertThat(same.path("changed").asLong()).as("no change, no difference").isZero();

    JsonNode lower = api.post("/internal/policy/backtest", "{\"challengeAt\":1}").json();
    long scoredAllowed = jdbc.sql("""
            SELECT count(*) FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND a.decision = 'ALLOW' AND a.score >= 1""")
        .param(api.tenant()).query(Long.class).single();
    assertThat(lower.path("moreChallenged").asLong()).as("every allowed login with any score is challenged")
        .isEqualTo(scoredAllowed);

    JsonNode off = api.post("/internal/policy/backtest", "{\"disabledDetectors\":[\"BRUTE_FORCE\"]}").json();
    assertThat(off.path("droppedDetectors").toString()).isEqualTo("[\"BRUTE_FORCE\"]");
    assertThat(off.path("moreChallenged").asLong() + off.path("moreDenied").asLong())
        .as("without the brute-force detector fewer logins are flagged").isNegative();

    InternalApi other = api.as("t-" + UUID.randomUUID());
    assertThat(other.post("/internal/policy/backtest", "{}").json().path("logins").asLong())
        .as("another tenant's backtest counts its own logins only")
        .isEqualTo(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(other.tenant())
            .query(Long.class).single());
  }

  // --- users, sessions, audit ---

  @Test
  void usersAreSearchedByEmailOrIdPrefixAndPaginatedWithinTheTenant() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(api.registered("zoe" + i + "-" + UUID.randomUUID() + "@example.test"));
    }
    api.registered("yann-" + UUID.randomUUID() + "@example.test");
    InternalApi other = api.as("t-" + UUID.randomUUID());
    String stranger = other.registered("zoe-elsewhere-" + UUID.randomUUID() + "@example.test");

    JsonNode first = api.get("/internal/users?q=ZOE&size=2").json();
    JsonNode second = api.get("/internal/users?q=zoe&size=2&page=1").json();

    assertThat(first.path("total").asLong()).isEqualTo(3);
    assertThat(first.path("items")).hasSize(2);
    assertThat(second.path("items")).hasSize(1);
    List<String> listed = new ArrayList<>();
    first.path("items").forEach(u -> listed.add(u.path("userId").asText()));
    second.path("items").forEach(u -> listed.add(u.path("userId").asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(api.get("/internal/users?q=" + ids.get(0).substring(0, 13)).json().path("items").get(0)
        .path("userId").asText()).as("by user id prefix").isEqualTo(ids.get(0));
    assertThat(api.get("/internal/users?size=100").body()).doesNotContain(stranger);
    assertThat(api.get("/internal/users?q=%25").json().path("total").asLong()).as("% is literal").isZero();
    assertThat(api.get("/internal/users/" + stranger).status()).as("another tenant's user").isEqualTo(404);
  }

  @Test
  void listsRefuseBadPagesAsProblems() {
    for (String bad : new String[] {"/internal/users?size=101", "/internal/users?size=0", "/internal/users?page=-1",
        "/internal/sessions?size=abc", "/internal/audit?size=501"}) {
      Answer answer = api.get(bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).as(bad).isEqualTo("application/problem+json");
    }
  }

  @Test
  void openSessionsAreListedPerTenantSearchedAndRevoked() {
    String email = "sam-" + UUID.randomUUID() + "@example.test";
    String sam = api.registered(email);
    api.loggedIn(email);
    api.loggedIn(email);
    InternalApi other = api.as("t-" + UUID.randomUUID());
    String otherEmail = "sam-" + UUID.randomUUID() + "@example.test";
    other.registered(otherEmail);
    other.loggedIn(otherEmail);

    JsonNode sessions = api.get("/internal/sessions?q=sam-").json();

    assertThat(sessions.path("total").asLong()).isEqualTo(2);
    assertThat(sessions.toString()).doesNotContain(otherEmail);
    assertThat(sessions.path("items").get(0).path("ipMasked").asText()).endsWith("xxx");
    String first = sessions.path("items").get(0).path("id").asText();
    Answer revoked = api.post("/internal/sessions/force-logout",
        "{\"userId\":\"" + sam + "\",\"sessionIds\":[\"" + first + "\"]}");
    assertThat(revoked.status()).as(revoked.body()).isLessThan(300);
    JsonNode after = api.get("/internal/sessions?q=" + email).json();
    assertThat(after.path("total").asLong()).isEqualTo(1);
    assertThat(after.toString()).doesNotContain(first);
  }

  @Test
  void auditIsFilteredByActorActionAndText() {
    api.put("/admin/tenants/" + api.tenant() + "/flags", "{\"mode\":\"monitor\"}");
    api.put("/admin/tenants/" + api.tenant() + "/flags", "{\"mode\":\"enforce\"}");
    String email = "una-" + UUID.randomUUID() + "@example.test";
    String una = api.registered(email);
    api.post("/internal/users/" + una + "/freeze", "{}");

    JsonNode updates = api.get("/internal/audit?action=flags.update&size=1").json();
    assertThat(updates.path("total").asLong()).isEqualTo(2);
    assertThat(updates.path("items")).hasSize(1);
    assertThat(updates.path("items").get(0).path("details").asText()).contains("ENFORCE");
    assertThat(api.get("/internal/audit?q=" + una).json().path("items").get(0).path("target").asText())
        .contains(una);
    assertThat(api.get("/internal/audit?actor=" + api.analystId()).json().path("total").asLong())
        .as("the analyst froze una").isPositive();
    assertThat(api.get("/internal/audit?actor=nobody").json().path("total").asLong()).isZero();
    assertThat(api.as("t-" + UUID.randomUUID()).get("/internal/audit?q=" + una).json().path("total").asLong())
        .as("another tenant's audit").isZero();
  }

  // --- incident notifications ---

  @Test
  void incidentListsTheNotificationsSentAboutIt() throws Exception {
    InternalApi notified = api.as(DashboardServerTest.NOTIFIED_TENANT);
    String incident = ConsoleFixtures.takeoverIncident(notified);

    Answer answer = notified.get("/internal/incidents/" + incident + "/notifications");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> kinds = new ArrayList<>();
    answer.json().forEach(n -> kinds.add(n.path("channel").asText() + ":" + n.path("kind").asText()));
    assertThat(kinds).as("the takeover's alert and the enforcement's security events, by webhook")
        .contains("webhook:alert", "webhook:security_event");
    assertThat(api.get("/internal/incidents/" + incident + "/notifications").status())
        .as("another tenant's incident").isEqualTo(404);
    assertThat(notified.get("/internal/incidents/not-a-uuid/notifications").status()).isEqualTo(404);
  }

  private Map<String, Long> storedDecisions(String tenant) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
            SELECT a.decision, count(*) FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND e.occurred_at >= ? GROUP BY 1""")
        .param(tenant).param(java.sql.Timestamp.from(Instant.now().minusSeconds(7 * 86400)))
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private Answer put(String token, String json) {
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + port + "/admin/tenants/" + api.tenant() + "/flags"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), "", response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
