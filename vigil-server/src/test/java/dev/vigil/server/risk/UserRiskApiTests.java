package dev.vigil.server.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/users/{userId}/risk}: what a tenant may see of its own users, and nothing of others'. */
@ServerTest
final class UserRiskApiTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  private TestTenant acme;

  @BeforeEach
  void createTenant() {
    acme = TestTenant.create(keys, port);
  }

  @Test
  void showsTheProfileTheRecentAssessmentsNewestFirstAndTheUnreadAlerts() throws Exception {
    for (int day = 1; day <= 5; day++) {
      login(acme, "alice", "home-" + day, "2026-10-%02dT09:00:00Z".formatted(day), "81.2.69.160", CHROME);
    }
    login(acme, "alice", "away", "2026-10-20T03:00:00Z", "203.0.113.9", "curl/8.5.0");

    JsonNode risk = riskOf(acme, "alice", "");

    assertThat(risk.path("tenantId").asText()).isEqualTo(acme.id());
    assertThat(risk.path("userId").asText()).isEqualTo("alice");
    assertThat(risk.path("profile").path("successes").asInt()).isEqualTo(6);
    List<String> eventIds = eventIds(risk);
    assertThat(eventIds).containsExactly("away", "home-5", "home-4", "home-3", "home-2", "home-1");
    JsonNode newest = risk.path("recentAssessments").get(0);
    assertThat(newest.path("timestamp").asText()).isEqualTo("2026-10-20T03:00:00Z");
    assertThat(newest.path("ipMasked").asText()).isEqualTo("203.0.113.xxx");
    assertThat(newest.path("score").asInt(-1)).isBetween(0, 100);
    assertThat(newest.path("level").asText()).isIn("LOW", "MEDIUM", "HIGH", "CRITICAL");
    assertThat(newest.path("decision").asText()).isIn("ALLOW", "CHALLENGE", "DENY");
    assertThat(newest.path("signals").isArray()).isTrue();
    assertThat(risk.path("recentAssessments").get(1).path("userAgent").asText()).isEqualTo("Chrome 142 on Windows");
    assertThat(risk.path("unreadAlerts").isIntegralNumber()).isTrue();
    assertThat(risk.path("unreadAlerts").asLong())
        .as("the login from a new network, device and hour raised an alert").isPositive();
    assertThat(risk.toString()).doesNotContain("81.2.69.160").doesNotContain("203.0.113.9\"");
  }

  @Test
  void returnsAsManyRecentAssessmentsAsAskedNewestFirst() throws Exception {
    for (int i = 1; i <= 4; i++) {
      login(acme, "bob", "e-" + i, "2026-10-01T09:0%d:00Z".formatted(i), "81.2.69.160", CHROME);
    }

    assertThat(eventIds(riskOf(acme, "bob", "?limit=2"))).containsExactly("e-4", "e-3");
  }

  @Test
  void refusesALimitOutsideOneToAHundred() throws Exception {
    login(acme, "bob", "e-1", "2026-10-01T09:00:00Z", "81.2.69.160", CHROME);

    for (String limit : List.of("0", "101", "-5", "many")) {
      HttpResponse<String> response = acme.get("/api/v1/users/bob/risk?limit=" + limit);
      assertThat(response.statusCode()).as("limit=" + limit).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  @Test
  void answersAUserWithoutLoginsInTheTenantWithNotFound() throws Exception {
    HttpResponse<String> response = acme.get("/api/v1/users/nobody/risk");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("type").asText())
        .isEqualTo("https://vigil.dev/problems/unknown-user");
  }

  @Test
  void neverShowsAnotherTenantsUser() throws Exception {
    TestTenant globex = TestTenant.create(keys, port);
    login(globex, "carol", "g-1", "2026-10-01T09:00:00Z", "81.2.69.160", CHROME);

    HttpResponse<String> fromAcme = acme.get("/api/v1/users/carol/risk");
    HttpResponse<String> unknown = acme.get("/api/v1/users/nobody-at-all/risk");

    assertThat(globex.get("/api/v1/users/carol/risk").statusCode()).isEqualTo(200);
    assertThat(fromAcme.statusCode()).isEqualTo(404);
    JsonNode hidden = JSON.readTree(fromAcme.body());
    JsonNode absent = JSON.readTree(unknown.body());
    assertThat(hidden.path("type")).isEqualTo(absent.path("type"));
    assertThat(hidden.path("detail")).isEqualTo(absent.path("detail"));
    assertThat(fromAcme.body()).doesNotContain("g-1").doesNotContain(globex.id());
  }

  private static void login(TestTenant tenant, String user, String eventId, String timestamp, String ip,
      String userAgent) throws Exception {
    HttpResponse<String> response = tenant.postJson("/api/v1/assess", """
        {"eventId":"%s","userId":"%s","timestamp":"%s","outcome":"SUCCESS","ip":"%s","userAgent":"%s"}
        """.formatted(eventId, user, timestamp, ip, userAgent));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static JsonNode riskOf(TestTenant tenant, String user, String query) throws Exception {
    HttpResponse<String> response = tenant.get("/api/v1/users/" + user + "/risk" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  private static List<String> eventIds(JsonNode risk) {
    List<String> ids = new ArrayList<>();
    risk.path("recentAssessments").forEach(a -> ids.add(a.path("eventId").asText()));
    return ids;
  }
}
