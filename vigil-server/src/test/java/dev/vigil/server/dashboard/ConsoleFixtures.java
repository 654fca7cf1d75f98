package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.support.InternalApi;
import dev.vigil.server.support.InternalApi.Answer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data the console's tests arrange through the real APIs: a takeover incident, flagged logins from abroad. */
final class ConsoleFixtures {
  static final String INCIDENTS = "/internal/risk/login/incidents";
  static final String HOME_IP = "81.2.69.160";
  static final String AWAY_IP = "200.160.2.3";
  static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  private ConsoleFixtures() {}

  /**
   * Erin's habitual logins from home, then one from another continent on a new phone: challenged, an incident,
   * her sessions ended and her account frozen by the playbook. Returns the incident's id once enforced.
   */
  static String takeoverIncident(InternalApi api) throws InterruptedException {
    Answer flags = api.put("/admin/tenants/" + api.tenant() + "/flags",
        "{\"playbookActions\":[\"FORCE_LOGOUT\",\"FREEZE\"],\"playbookAt\":60,\"incidentAt\":60}");
    assertThat(flags.status()).as(flags.body()).isEqualTo(200);
    String erin = "erin-" + UUID.randomUUID() + "@example.test";
    String erinId = api.registered(erin);
    // A mature profile even before the tenant's first confirmation (matureHistoryUnconfirmed 10).
    for (int i = 0; i < 10; i++) {
      assertThat(api.login(erin, InternalApi.PASSWORD, HOME_IP, Browser.USER_AGENT, "erin-laptop").status())
          .as("a habitual login").isEqualTo(200);
    }
    Answer takeover = api.login(erin, InternalApi.PASSWORD, AWAY_IP, SAFARI_ON_IPHONE, "erin-new-phone");
    assertThat(takeover.status()).as("challenged without a second factor: " + takeover.body()).isEqualTo(403);
    String id = null;
    for (JsonNode item : api.get(INCIDENTS + "?size=100").json().path("items")) {
      if (item.path("subject").asText().equals("user:" + erinId)) {
        id = item.path("id").asText();
      }
    }
    assertThat(id).as("erin's incident").isNotNull();
    Instant deadline = Instant.now().plusSeconds(20);
    while (!enforced(api.get(INCIDENTS + "/" + id).json())) {
      assertThat(Instant.now()).as("the playbook's actions are carried out").isBefore(deadline);
      Thread.sleep(20);
    }
    return id;
  }

  private static boolean enforced(JsonNode details) {
    int done = 0;
    for (JsonNode action : details.path("actions")) {
      if (action.path("status").asText().equals("DONE")) {
        done++;
      }
    }
    return done >= 2;
  }

  /**
   * A brute force from abroad through the engine API: {@code failures} bad passwords against one user, ten seconds
   * apart and a few minutes ago, from an address whose geo the caller supplies as {@code country}. The engine
   * flags the burst once it crosses its threshold (BRUTE_FORCE, five failures in 15 minutes).
   */
  static void bruteForceFrom(InternalApi api, String country, int failures) {
    String user = "victim-" + UUID.randomUUID();
    Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      events.add("""
          {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"%s","outcome":"FAILURE",\
          "failureReason":"BAD_PASSWORD","ip":"203.0.113.%d","userAgent":"python-requests/2.32",\
          "geo":{"country":"%s"}}""".formatted(UUID.randomUUID(), api.tenant(), user,
          start.plusSeconds(10L * i), 10 + i, country));
    }
    Answer answer = api.post("/api/v1/events", "[" + String.join(",", events) + "]");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** Makes a registered account an analyst or administrator (the operator's SQL step). */
  static void promote(JdbcClient jdbc, String accountId, String tenant, String role) {
    jdbc.sql("UPDATE users SET role = ? WHERE id = ?::uuid AND tenant_id = ?").param(role).param(accountId)
        .param(tenant).update();
  }
}
