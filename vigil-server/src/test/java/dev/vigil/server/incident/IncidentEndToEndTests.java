package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import dev.vigil.server.support.InternalApi.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6 end to end with nothing stubbed: a user of the built-in login service, the engine learning from her
 * logins, a takeover-looking login, the incident it opens, enforcement on her real sessions, an analyst's
 * false-positive verdict and its rollback — all over HTTP, the way the user's browser and the analyst's console
 * would do it.
 */
@IncidentServerTest
final class IncidentEndToEndTests {
  private static final String INCIDENTS = "/internal/risk/login/incidents";
  private static final String EMAIL = "erin@example.test";
  private static final String HOME_IP = "81.2.69.160";
  private static final String HOME_DEVICE = "erin-laptop";
  private static final String AWAY_IP = "200.160.2.3";
  private static final String AWAY_DEVICE = "erin-new-phone";
  private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
  private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  private final String tenant = "t-" + UUID.randomUUID();
  private InternalApi api;
  private String erin;

  @BeforeEach
  void setUp() {
    api = new InternalApi(port, tenant, keys, jdbc);
    Answer flags = api.put("/admin/tenants/" + tenant + "/flags",
        "{\"playbookActions\":[\"FORCE_LOGOUT\",\"FREEZE\"],\"playbookAt\":60,\"incidentAt\":60}");
    assertThat(flags.status()).as(flags.body()).isEqualTo(200);
    erin = api.registered(EMAIL);
  }

  @Test
  void aFalsePositiveTakeoverOfALoginServiceUserIsEnforcedOnHerSessionsAndRolledBackCompletely()
      throws Exception {
    // Ten habitual logins: a mature profile even before the tenant's first confirmation (matureHistoryUnconfirmed).
    for (int i = 0; i < 9; i++) {
      assertThat(login(HOME_IP, CHROME, HOME_DEVICE).status()).as("a habitual login").isEqualTo(200);
    }
    JsonNode held = login(HOME_IP, CHROME, HOME_DEVICE).json();
    String accessToken = held.path("access_token").asText();
    String refreshToken = held.path("refresh_token").asText();
    assertThat(me(accessToken)).isEqualTo(200);
    assertThat(incidents()).as("habitual logins open nothing").isEmpty();

    Answer takeover = login(AWAY_IP, SAFARI_ON_IPHONE, AWAY_DEVICE);

    assertThat(takeover.status()).as("challenged, and erin has no second factor: " + takeover.body())
        .isEqualTo(403);
    JsonNode incident = onlyIncident();
    assertThat(incident.path("subject").asText()).isEqualTo("user:" + erin);
    String id = incident.path("id").asText();
    JsonNode enforced = awaitIncident(id, d -> statusOf(d, "FORCE_LOGOUT").equals("DONE")
        && statusOf(d, "FREEZE").equals("DONE"));
    assertThat(signalsOf(enforced)).contains("new_device", "new_network");
    assertThat(me(accessToken)).as("her still-valid access token is refused at once").isEqualTo(401);
    assertThat(refresh(refreshToken).statusCode()).as("and so is her refresh token").isEqualTo(401);
    assertThat(login(HOME_IP, CHROME, HOME_DEVICE).status()).as("frozen: even a habitual login is refused")
        .isEqualTo(401);

    Answer ack = api.post(INCIDENTS + "/" + id + "/ack", "{\"verdict\":\"false_positive\",\"note\":\"new phone\"}");
    assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    Answer rollback = api.post(INCIDENTS + "/" + id + "/rollback", "");
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    assertThat(rollback.json().path("complete").asBoolean()).isTrue();

    assertThat(me(accessToken)).as("her session is back").isEqualTo(200);
    HttpResponse<String> refreshed = refresh(refreshToken);
    assertThat(refreshed.statusCode()).as("the refresh token her browser holds works again: " + refreshed.body())
        .isEqualTo(200);
    Answer again = login(AWAY_IP, SAFARI_ON_IPHONE, AWAY_DEVICE);
    assertThat(again.status()).as("unfrozen, and the new phone is familiar now: " + again.body()).isEqualTo(200);
    JsonNode assessed = lastAssessmentOf(erin);
    assertThat(signalTypes(assessed)).as("the confirmed device and network are familiar")
        .doesNotContain("NEW_NETWORK", "NEW_IP", "NEW_ASN");
    assertThat(assessed.path("signals")).filteredOn(s -> s.path("type").asText().equals("NEW_DEVICE"))
        .as("at most the LOW note that the device is known from one login only")
        .allSatisfy(s -> assertThat(s.path("severity").asText()).isEqualTo("LOW"));
    assertThat(incidents()).as("no second incident").hasSize(1);
  }

  // --- fixtures ---

  private Answer login(String ip, String userAgent, String device) {
    return api.login(EMAIL, InternalApi.PASSWORD, ip, userAgent, device);
  }

  private int me(String accessToken) {
    return api.getWith(accessToken, "/auth/me").status();
  }

  private HttpResponse<String> refresh(String refreshToken) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/refresh"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + refreshToken + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode incidents() {
    return api.get(INCIDENTS).json().path("items");
  }

  private JsonNode onlyIncident() {
    JsonNode items = incidents();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  /** The engine's answer to the user's latest login, as stored with it. */
  private JsonNode lastAssessmentOf(String userId) {
    String json = jdbc.sql("""
            SELECT a.assessment::text FROM login_events e JOIN assessments a
                ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
             WHERE e.tenant_id = ? AND e.user_id = ? ORDER BY e.occurred_at DESC, e.received_at DESC LIMIT 1""")
        .param(tenant).param(userId).query(String.class).single();
    try {
      return InternalApi.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode awaitIncident(String id, Predicate<JsonNode> condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    JsonNode details = api.get(INCIDENTS + "/" + id).json();
    while (!condition.test(details)) {
      assertThat(Instant.now()).as("waited for the incident's actions: " + details).isBefore(deadline);
      Thread.sleep(20);
      details = api.get(INCIDENTS + "/" + id).json();
    }
    return details;
  }

  private static String statusOf(JsonNode details, String action) {
    for (JsonNode a : details.path("actions")) {
      if (a.path("action").asText().equals(action)) {
        return a.path("status").asText();
      }
    }
    return "absent";
  }

  private static List<String> signalsOf(JsonNode details) {
    List<String> types = new ArrayList<>();
    details.path("events").forEach(e -> e.path("signalTypes").forEach(s -> types.add(s.asText())));
    return types;
  }

  private static List<String> signalTypes(JsonNode assessment) {
    List<String> types = new ArrayList<>();
    assessment.path("signals").forEach(s -> types.add(s.path("type").asText()));
    return types;
  }
}
