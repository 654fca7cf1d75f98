package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.CHROME;
import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.VigilEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration, password login, tokens, sessions, and how the engine's decision is enforced. */
@LoginServiceTest
final class LoginApiTests {
  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestClock clock;

  @Autowired
  VigilEngine engine;

  private AuthClient client;

  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
  }

  @Test
  void registersAPlainUserWhoLogsInWithAccessAndRefreshTokens() {
    HttpResponse<String> registered = client.register("Alice@Example.com", PASSWORD);

    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(json(registered).path("role").asText()).as("the first user of a tenant is no admin").isEqualTo("USER");
    JsonNode tokens = client.loggedIn("alice@example.com");
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(900);
    assertThat(tokens.path("refresh_expires_in").asLong()).isEqualTo(7 * 24 * 3600);
    assertThat(tokens.path("refresh_token").asText()).isNotBlank();
    assertThat(tokens.has("security_alerts")).as("a clean login carries no alerts key").isFalse();
    assertThat(tokens.has("security_warnings")).isFalse();
    JsonNode me = json(client.get("/auth/me", tokens.path("access_token").asText()));
    assertThat(me.path("email").asText()).isEqualTo("alice@example.com");
    assertThat(me.path("tenant_id").asText()).isEqualTo(client.tenant());
    assertThat(me.path("totp_enabled").asBoolean()).isFalse();
  }

  @Test
  void refusesASecondRegistrationOfTheSameEmailInTheTenant() {
    client.registered("bob@example.com");

    problem(client.register("BOB@example.com", PASSWORD), 409, "email-taken");
    assertThat(new AuthClient(port, "other-" + UUID.randomUUID()).register("bob@example.com", PASSWORD).statusCode())
        .as("the same email in another tenant is another account").isEqualTo(201);
  }

  @Test
  void refusesAWeakRegistrationAsAProblem() {
    HttpResponse<String> response = client.register("carol@example.com", "short");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void answersUnknownUserAndWrongPasswordAlikeAndRecordsBothReasons() {
    String alice = client.registered("alice@example.com");

    JsonNode unknown = problem(client.login("nobody@example.com", PASSWORD, HOME), 401, "invalid-credentials");
    JsonNode wrong = problem(client.login("alice@example.com", "wrong-password", HOME), 401, "invalid-credentials");

    assertThat(wrong.path("detail").asText()).isEqualTo(unknown.path("detail").asText());
    assertThat(wrong.path("title").asText()).isEqualTo(unknown.path("title").asText());
    assertThat(failureReasonsOf("nobody@example.com")).containsExactly("UNKNOWN_USER");
    assertThat(failureReasonsOf(alice)).containsExactly("BAD_PASSWORD");
  }

  @Test
  void refusesAFrozenUserWithTheNeutralMessageAndEndsTheirTokensAtOnce() {
    String alice = client.registered("alice@example.com");
    String accessToken = client.loggedIn("alice@example.com").path("access_token").asText();

    jdbc.sql("UPDATE users SET frozen = true WHERE id = ?::uuid").param(alice).update();

    JsonNode refused = problem(client.login("alice@example.com", PASSWORD, HOME), 401, "invalid-credentials");
    assertThat(refused.path("detail").asText()).isEqualTo("the email or password is incorrect");
    assertThat(failureReasonsOf(alice)).containsExactly("LOCKED");
    problem(client.get("/auth/me", accessToken), 401, "unauthenticated");
  }

  @Test
  void recordsTheAttemptWithMaskedAddressTruncatedUserAgentAndDeviceId() throws Exception {
    String alice = client.registered("alice@example.com");
    String longAgent = CHROME + " " + "x".repeat(600);

    client.send(client.request("/auth/login", null, HOME, longAgent)
        .header("X-Device-Id", "device-7f3a")
        .POST(HttpRequest.BodyPublishers.ofString(
            AuthClient.JSON.writeValueAsString(body("tenantId", client.tenant(), "email", "alice@example.com",
                "password", PASSWORD)))));

    Map<String, Object> row = jdbc.sql("""
            SELECT outcome, ip_masked, device_present, auth_method, raw_event FROM login_events
             WHERE tenant_id = ? AND user_id = ?""")
        .param(client.tenant()).param(alice).query().singleRow();
    assertThat(row.get("outcome")).isEqualTo("SUCCESS");
    assertThat(row.get("ip_masked")).isEqualTo("81.2.69.xxx");
    assertThat(row.get("device_present")).isEqualTo(true);
    assertThat(row.get("auth_method")).isEqualTo("password");
    JsonNode raw = AuthClient.JSON.readTree((String) row.get("raw_event"));
    assertThat(raw.path("userAgent").asText()).hasSize(512);
    assertThat(raw.path("deviceId").asText()).isEqualTo("device-7f3a");
    assertThat(raw.path("ip").asText()).isEqualTo(HOME);
  }

  @Test
  void logoutEndsTheSessionSoItsAccessTokenIsRefusedBeforeItExpires() {
    client.registered("alice@example.com");
    JsonNode tokens = client.loggedIn("alice@example.com");
    String accessToken = tokens.path("access_token").asText();

    assertThat(client.post("/auth/logout", accessToken, Map.of()).statusCode()).isEqualTo(204);

    JsonNode refused = problem(client.get("/auth/me", accessToken), 401, "unauthenticated");
    assertThat(refused.path("detail").asText()).isEqualTo("the session has ended");
    problem(refresh(tokens.path("refresh_token").asText()), 401, "invalid-refresh-token");
  }

  @Test
  void rotatesTheRefreshTokenOnEveryUse() {
    client.registered("alice@example.com");
    String first = client.loggedIn("alice@example.com").path("refresh_token").asText();

    HttpResponse<String> refreshed = refresh(first);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode next = json(refreshed);
    assertThat(next.path("refresh_token").asText()).isNotEqualTo(first);
    assertThat(client.get("/auth/me", next.path("access_token").asText()).statusCode()).isEqualTo(200);
    assertThat(refresh(next.path("refresh_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void reuseOfARotatedRefreshTokenRevokesTheWholeFamily() {
    client.registered("alice@example.com");
    String stolen = client.loggedIn("alice@example.com").path("refresh_token").asText();
    JsonNode legitimate = json(refresh(stolen));

    // The thief replays the token the user already rotated.
    problem(refresh(stolen), 401, "invalid-refresh-token");

    problem(refresh(legitimate.path("refresh_token").asText()), 401, "invalid-refresh-token");
    problem(client.get("/auth/me", legitimate.path("access_token").asText()), 401, "unauthenticated");
    assertThat(jdbc.sql("SELECT end_reason FROM sessions WHERE tenant_id = ?").param(client.tenant())
        .query(String.class).single()).isEqualTo("REFRESH_TOKEN_REUSE");
  }

  @Test
  void anAccessTokenExpiresAfterFifteenMinutesAndARefreshRenewsIt() {
    client.registered("alice@example.com");
    JsonNode tokens = client.loggedIn("alice@example.com");

    clock.advance(Duration.ofMinutes(15));

    JsonNode expired = problem(client.get("/auth/me", tokens.path("access_token").asText()), 401, "unauthenticated");
    assertThat(expired.path("detail").asText()).contains("expired");
    String renewed = json(refresh(tokens.path("refresh_token").asText())).path("access_token").asText();
    assertThat(client.get("/auth/me", renewed).statusCode()).isEqualTo(200);
  }

  @Test
  void aRefreshTokenUnusedForSevenDaysIsRefused() {
    client.registered("alice@example.com");
    String refreshToken = client.loggedIn("alice@example.com").path("refresh_token").asText();

    clock.advance(Duration.ofDays(7));

    problem(refresh(refreshToken), 401, "invalid-refresh-token");
  }

  @Test
  void refusesATokenWithATamperedPayload() {
    client.registered("alice@example.com");
    String token = client.loggedIn("alice@example.com").path("access_token").asText();
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"x\",\"role\":\"ADMIN\"}".getBytes()) + "." + parts[2];

    JsonNode refused = problem(client.get("/auth/me", forged), 401, "unauthenticated");
    assertThat(refused.path("detail").asText()).isEqualTo("the access token is invalid");
  }

  @Test
  void theLoginResponseCarriesTheAlertTheLoginRaisedUnderBothNames() {
    client.registered("alice@example.com");

    HttpResponse<String> response = client.login("alice@example.com", PASSWORD, ScriptedEngine.ALERTING_NETWORK + "7");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("access_token").asText()).isNotBlank();
    assertThat(body.path("security_alerts")).hasSize(1);
    assertThat(body.path("security_alerts").get(0).path("type").asText()).isEqualTo("anonymizer");
    assertThat(body.path("security_alerts").get(0).path("severity").asText()).isEqualTo("medium");
    assertThat(body.path("security_warnings")).isEqualTo(body.path("security_alerts"));
  }

  @Test
  void aDeniedLoginGetsANeutralForbiddenAndNoSession() {
    client.registered("alice@example.com");

    JsonNode denied = problem(client.login("alice@example.com", PASSWORD, ScriptedEngine.DENIED_NETWORK + "9"),
        403, "login-denied");

    assertThat(denied.has("access_token")).isFalse();
    assertThat(denied.path("detail").asText()).doesNotContain("blocklist");
    assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE tenant_id = ?").param(client.tenant())
        .query(Long.class).single()).isZero();
  }

  @Test
  void aDetectorThatThrowsDoesNotBreakLogin() {
    client.registered("alice@example.com");
    long failuresBefore = engine.detectorFailures();

    JsonNode tokens = client.loggedIn("alice@example.com");

    assertThat(engine.detectorFailures()).as("the scripted broken rule ran and was skipped")
        .isGreaterThan(failuresBefore);
    assertThat(tokens.path("access_token").asText()).isNotBlank();
  }

  @Test
  void aFailingPipelineDoesNotBreakLoginWhichContinuesAsAllowedWithoutAlerts() {
    client.registered("alice@example.com");

    HttpResponse<String> response = client.login("alice@example.com", PASSWORD, ScriptedEngine.BROKEN_ADDRESS);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("access_token").asText()).isNotBlank();
    assertThat(json(response).has("security_alerts")).isFalse();
    assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(client.tenant())
        .query(Long.class).single()).as("the pipeline failed, so nothing was stored").isZero();
  }

  @Test
  void aFailingPipelineDoesNotTurnAWrongPasswordIntoASuccess() {
    client.registered("alice@example.com");

    problem(client.login("alice@example.com", "wrong-password", ScriptedEngine.BROKEN_ADDRESS), 401,
        "invalid-credentials");
  }

  @Test
  void protectedRoutesAnswerUnauthenticatedCallersWithAProblem() {
    HttpResponse<String> response = client.get("/auth/me", null);

    problem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  private HttpResponse<String> refresh(String refreshToken) {
    return client.post("/auth/refresh", null, body("refresh_token", refreshToken));
  }

  private List<String> failureReasonsOf(String userId) {
    return jdbc.sql("SELECT failure_reason FROM login_events WHERE tenant_id = ? AND user_id = ? "
            + "AND outcome = 'FAILURE' ORDER BY seq")
        .param(client.tenant()).param(userId).query(String.class).list();
  }
}
