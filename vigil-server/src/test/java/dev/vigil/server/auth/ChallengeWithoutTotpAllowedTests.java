package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.engine.LoginPipeline;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The opt-in alternative for tenants that prefer availability: a challenged user without TOTP gets in, warned. */
@LoginServiceTest
@TestPropertySource(properties = "vigil.auth.challenge-without-totp=ALLOW_WITH_ALERT")
final class ChallengeWithoutTotpAllowedTests {
  @LocalServerPort
  int port;

  @Autowired
  LoginPipeline pipeline;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aChallengedUserWithoutTotpGetsTokensWithTheAlertAndTheLoginStaysUnconfirmed() {
    AuthClient client = new AuthClient(port, "t-" + UUID.randomUUID());
    client.registered("alice@example.com");

    HttpResponse<String> response =
        client.login("alice@example.com", PASSWORD, ScriptedEngine.CHALLENGED_NETWORK + "20");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("access_token").asText()).isNotBlank();
    assertThat(body.path("security_alerts").get(0).path("decision").asText()).isEqualTo("CHALLENGE");
    String eventId = jdbc.sql("SELECT event_id FROM assessments WHERE tenant_id = ? AND decision = 'CHALLENGE'")
        .param(client.tenant()).query(String.class).single();
    assertThat(pipeline.confirm(client.tenant(), eventId))
        .as("nobody proved it was the user, so the engine still waits for a confirmation").isTrue();
  }
}
