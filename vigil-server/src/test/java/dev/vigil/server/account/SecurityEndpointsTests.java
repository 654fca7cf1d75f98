package dev.vigil.server.account;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.auth.AuthClient;
import dev.vigil.server.auth.LoginServiceTest;
import dev.vigil.server.auth.ScriptedEngine;
import dev.vigil.server.auth.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's own login history and alerts, under both seed path families, and nobody else's. */
@LoginServiceTest
final class SecurityEndpointsTests {
  private static final String ALERTING = ScriptedEngine.ALERTING_NETWORK + "7";

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  private AuthClient client;

  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
  }

  @Test
  void loginHistoryPagesTheUsersAttemptsNewestFirstPseudonymised() {
    client.registered("alice@example.com");
    client.login("alice@example.com", "wrong-password", HOME);
    clock.advance(Duration.ofMinutes(1));
    String token = accessToken("alice@example.com");

    JsonNode first = json(client.get("/auth/login-history?page=1&size=1", token));
    JsonNode second = json(client.get("/auth/login-history?page=2&size=1", token));

    assertThat(first.path("total").asLong()).isEqualTo(2);
    JsonNode newest = first.path("items").get(0);
    assertThat(newest.path("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(newest.path("ip").asText()).isEqualTo("81.2.69.xxx");
    assertThat(newest.path("user_agent").asText()).isEqualTo("Chrome 142 on Windows");
    assertThat(newest.path("decision").asText()).isEqualTo("ALLOW");
    JsonNode older = second.path("items").get(0);
    assertThat(older.path("outcome").asText()).isEqualTo("FAILURE");
    assertThat(older.path("failure_reason").asText()).isEqualTo("BAD_PASSWORD");
    assertThat(older.path("occurred_at").asText()).isLessThan(newest.path("occurred_at").asText());
  }

  @Test
  void securityEventsListTheLatestAttemptsUpToTheLimit() {
    client.registered("alice@example.com");
    client.loggedIn("alice@example.com");
    clock.advance(Duration.ofMinutes(1));
    String token = accessToken("alice@example.com");

    JsonNode events = json(client.get("/security/events?limit=1", token)).path("events");

    assertThat(events).hasSize(1);
    assertThat(client.get("/security/events?limit=0", token).statusCode()).isEqualTo(400);
  }

  @Test
  void alertsAreListedCountedAndAcknowledgedUnderBothPathFamilies() {
    client.registered("alice@example.com");
    long alertId = alertIdOfRiskyLogin("alice@example.com");
    String token = accessToken("alice@example.com");

    assertThat(json(client.get("/security/alerts/unread-count", token)).path("unread_count").asLong()).isEqualTo(1);
    JsonNode unread = json(client.get("/security/alerts?unread_only=true", token)).path("alerts");
    assertThat(unread).hasSize(1);
    assertThat(unread.get(0).path("id").asLong()).isEqualTo(alertId);

    JsonNode acknowledged = json(client.patch("/security/alerts/" + alertId + "/acknowledge", token));

    assertThat(acknowledged.path("acknowledged").asBoolean()).isTrue();
    assertThat(json(client.get("/security/alerts/unread-count", token)).path("unread_count").asLong()).isZero();
    assertThat(json(client.get("/security/alerts?unread_only=true", token)).path("alerts")).isEmpty();
    JsonNode all = json(client.get("/auth/security-alerts", token));
    assertThat(all.path("alerts")).hasSize(1);
    assertThat(all.path("unread_count").asLong()).isZero();
    assertThat(client.post("/auth/security-alerts/" + alertId + "/acknowledge", token, Map.of()).statusCode())
        .as("acknowledging twice is harmless").isEqualTo(200);
  }

  @Test
  void anotherUsersAlertIdIsNotFound() {
    client.registered("alice@example.com");
    client.registered("mallory@example.com");
    long alicesAlert = alertIdOfRiskyLogin("alice@example.com");
    String mallory = accessToken("mallory@example.com");

    problem(client.patch("/security/alerts/" + alicesAlert + "/acknowledge", mallory), 404, "alert-not-found");
    problem(client.post("/auth/security-alerts/" + alicesAlert + "/acknowledge", mallory, Map.of()), 404,
        "alert-not-found");
    assertThat(json(client.get("/security/alerts", mallory)).path("alerts")).isEmpty();
    assertThat(json(client.get("/security/alerts/unread-count", accessToken("alice@example.com")))
        .path("unread_count").asLong()).as("Alice's alert is still unread").isEqualTo(1);
  }

  @Test
  void anotherTenantsAlertIdIsNotFoundEvenForTheSameEmail() {
    client.registered("alice@example.com");
    long alert = alertIdOfRiskyLogin("alice@example.com");
    AuthClient otherTenant = new AuthClient(port, "other-" + UUID.randomUUID());
    otherTenant.registered("alice@example.com");
    String otherAlice = otherTenant.loggedIn("alice@example.com").path("access_token").asText();

    problem(otherTenant.patch("/security/alerts/" + alert + "/acknowledge", otherAlice), 404, "alert-not-found");
    assertThat(json(otherTenant.get("/auth/login-history", otherAlice)).path("total").asLong())
        .as("only the other tenant's own login").isEqualTo(1);
  }

  @Test
  void securityEndpointsNeedAnAccessToken() {
    problem(client.get("/security/alerts", null), 401, "unauthenticated");
    problem(client.get("/auth/login-history", null), 401, "unauthenticated");
  }

  private long alertIdOfRiskyLogin(String email) {
    JsonNode response = json(client.login(email, PASSWORD, ALERTING));
    return response.path("security_alerts").get(0).path("id").asLong();
  }

  private String accessToken(String email) {
    return client.loggedIn(email).path("access_token").asText();
  }
}
