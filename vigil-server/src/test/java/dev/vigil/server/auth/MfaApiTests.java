package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.engine.LoginPipeline;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TOTP enrolment and the second step of logins the engine challenged. */
@LoginServiceTest
final class MfaApiTests {
  private static final String CHALLENGED = ScriptedEngine.CHALLENGED_NETWORK + "20";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TestClock clock;

  @Autowired
  LoginPipeline pipeline;

  private AuthClient client;

  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
  }

  @Test
  void enrolsTotpAndActivatesItWithTheFirstCorrectCode() {
    client.registered("alice@example.com");
    String accessToken = client.loggedIn("alice@example.com").path("access_token").asText();

    JsonNode enrolment = json(client.post("/auth/totp/enroll", accessToken, java.util.Map.of()));
    String secret = enrolment.path("secret").asText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(enrolment.path("otpauth_uri").asText())
        .startsWith("otpauth://totp/Vigil:alice%40example.com?secret=" + secret + "&issuer=Vigil");

    problem(client.post("/auth/totp/activate", accessToken, body("code", "000000")), 400, "invalid-totp-code");
    assertThat(client.post("/auth/totp/activate", accessToken, body("code", currentCode(secret))).statusCode())
        .isEqualTo(204);
    assertThat(json(client.get("/auth/me", accessToken)).path("totp_enabled").asBoolean()).isTrue();
    problem(client.post("/auth/totp/enroll", accessToken, java.util.Map.of()), 409, "totp-already-active");
  }

  @Test
  void aChallengedLoginGetsTokensOnlyAfterTheCodeAndTheEngineLearnsItWasTheUser() {
    client.registered("alice@example.com");
    String secret = enrolledTotp("alice@example.com");

    HttpResponse<String> challenged = client.login("alice@example.com", PASSWORD, CHALLENGED);

    assertThat(challenged.statusCode()).isEqualTo(200);
    JsonNode challenge = json(challenged);
    assertThat(challenge.path("mfa_required").asBoolean()).isTrue();
    assertThat(challenge.has("access_token")).isFalse();
    assertThat(challenge.path("security_alerts").get(0).path("type").asText()).isEqualTo("impossible_travel");
    String eventId = challengedEventId();

    HttpResponse<String> passed = answer(challenge.path("challenge_id").asText(), currentCode(secret));

    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    assertThat(client.get("/auth/me", json(passed).path("access_token").asText()).statusCode()).isEqualTo(200);
    assertThat(pipeline.confirm(client.tenant(), eventId))
        .as("the login service confirmed the challenged login already").isFalse();
  }

  @Test
  void anUnansweredChallengeIsNotConfirmedToTheEngine() {
    client.registered("alice@example.com");
    enrolledTotp("alice@example.com");

    client.login("alice@example.com", PASSWORD, CHALLENGED);

    assertThat(pipeline.confirm(client.tenant(), challengedEventId())).isTrue();
  }

  @Test
  void aWrongCodeIsRefusedAndRecordedAsAnMfaFailure() {
    String alice = client.registered("alice@example.com");
    enrolledTotp("alice@example.com");
    String challengeId = json(client.login("alice@example.com", PASSWORD, CHALLENGED)).path("challenge_id").asText();

    problem(answer(challengeId, "123456"), 401, "invalid-mfa-code");

    assertThat(jdbc.sql("SELECT failure_reason FROM login_events WHERE tenant_id = ? AND user_id = ? "
            + "AND outcome = 'FAILURE'").param(client.tenant()).param(alice).query(String.class).list())
        .containsExactly("MFA_FAILED");
  }

  @Test
  void aCodeCannotBeUsedTwice() {
    client.registered("alice@example.com");
    String secret = enrolledTotp("alice@example.com");
    String code = currentCode(secret);
    String first = json(client.login("alice@example.com", PASSWORD, CHALLENGED)).path("challenge_id").asText();
    assertThat(answer(first, code).statusCode()).isEqualTo(200);

    String second = json(client.login("alice@example.com", PASSWORD, CHALLENGED)).path("challenge_id").asText();

    problem(answer(second, code), 401, "invalid-mfa-code");
  }

  @Test
  void aChallengeIsVoidAfterFiveWrongCodes() {
    client.registered("alice@example.com");
    String secret = enrolledTotp("alice@example.com");
    String challengeId = json(client.login("alice@example.com", PASSWORD, CHALLENGED)).path("challenge_id").asText();
    for (int i = 0; i < 5; i++) {
      problem(answer(challengeId, "00000" + i), 401, "invalid-mfa-code");
    }

    problem(answer(challengeId, currentCode(secret)), 401, "invalid-mfa-code");
  }

  @Test
  void aChallengeExpiresAfterFiveMinutes() {
    client.registered("alice@example.com");
    String secret = enrolledTotp("alice@example.com");
    String challengeId = json(client.login("alice@example.com", PASSWORD, CHALLENGED)).path("challenge_id").asText();

    clock.advance(Duration.ofMinutes(5));

    problem(answer(challengeId, currentCode(secret)), 401, "invalid-mfa-code");
  }

  /**
   * Without a second factor nothing can prove a challenged login was the user; letting it in would let every
   * stolen password through, so it is refused with a message that says what to do.
   */
  @Test
  void aChallengedUserWithoutTotpIsRefusedWithAClearMessage() {
    client.registered("alice@example.com");

    JsonNode refused = problem(client.login("alice@example.com", PASSWORD, CHALLENGED), 403,
        "second-factor-unavailable");

    assertThat(refused.path("detail").asText()).contains("no second factor").contains("contact support");
    assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE tenant_id = ?").param(client.tenant())
        .query(Long.class).single()).isZero();
  }

  /** Enrols and activates TOTP for the user, then moves past the activation code's time step. */
  private String enrolledTotp(String email) {
    String accessToken = client.loggedIn(email).path("access_token").asText();
    String secret = json(client.post("/auth/totp/enroll", accessToken, java.util.Map.of())).path("secret").asText();
    assertThat(client.post("/auth/totp/activate", accessToken, body("code", currentCode(secret))).statusCode())
        .isEqualTo(204);
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    return secret;
  }

  private String challengedEventId() {
    return jdbc.sql("""
            SELECT e.event_id FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND a.decision = 'CHALLENGE' ORDER BY e.seq DESC LIMIT 1""")
        .param(client.tenant()).query(String.class).single();
  }

  private HttpResponse<String> answer(String challengeId, String code) {
    return client.post("/auth/login/mfa", null, body("challenge_id", challengeId, "code", code), CHALLENGED);
  }

  private String currentCode(String base32Secret) {
    return Totp.code(base32Decode(base32Secret), Totp.step(clock.instant()));
  }

  private static byte[] base32Decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
