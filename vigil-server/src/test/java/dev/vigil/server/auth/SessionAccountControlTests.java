package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incident response's account port over the login service: revoking, restoring, freezing — each effective on the
 * very next request, because every access token and refresh is checked against this state.
 */
@LoginServiceTest
final class SessionAccountControlTests {
  @LocalServerPort
  int port;

  @Autowired
  SessionAccountControl accounts;

  @Autowired
  JdbcClient jdbc;

  private AuthClient client;

  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
  }

  @Test
  void revokingEndsEverySessionOfTheUserAndItsRefreshTokensAtOnce() {
    String alice = client.registered("alice@example.com");
    JsonNode laptop = client.loggedIn("alice@example.com");
    JsonNode phone = client.loggedIn("alice@example.com");

    List<String> open = sessionsOf(alice);

    List<String> revoked = accounts.revokeSessions(client.tenant(), alice);

    assertThat(revoked).hasSize(2).containsExactlyInAnyOrderElementsOf(open);
    problem(client.get("/auth/me", laptop.path("access_token").asText()), 401, "unauthenticated");
    problem(client.get("/auth/me", phone.path("access_token").asText()), 401, "unauthenticated");
    problem(refresh(phone), 401, "invalid-refresh-token");
    assertThat(accounts.revokeSessions(client.tenant(), alice)).as("nothing left to revoke").isEmpty();
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).as("not frozen").isEqualTo(200);
  }

  @Test
  void revokingNamedSessionsLeavesTheOthersOpen() {
    String alice = client.registered("alice@example.com");
    JsonNode laptop = client.loggedIn("alice@example.com");
    String laptopSession = sessionsOf(alice).getFirst();
    JsonNode phone = client.loggedIn("alice@example.com");

    assertThat(accounts.revokeSessions(client.tenant(), alice, List.of(laptopSession, "not-a-session")))
        .containsExactly(laptopSession);

    problem(client.get("/auth/me", laptop.path("access_token").asText()), 401, "unauthenticated");
    assertThat(client.get("/auth/me", phone.path("access_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void restoringMakesTheRevokedSessionAndItsLatestRefreshTokenValidAgain() {
    String alice = client.registered("alice@example.com");
    JsonNode first = client.loggedIn("alice@example.com");
    JsonNode rotated = json(refresh(first));
    List<String> revoked = accounts.revokeSessions(client.tenant(), alice);
    problem(refresh(rotated), 401, "invalid-refresh-token");

    assertThat(accounts.restoreSessions(client.tenant(), revoked)).containsExactlyElementsOf(revoked);

    assertThat(client.get("/auth/me", rotated.path("access_token").asText()).statusCode()).isEqualTo(200);
    assertThat(refresh(rotated).statusCode()).as("the token the client holds works again").isEqualTo(200);
    assertThat(accounts.restoreSessions(client.tenant(), revoked)).as("restored once").isEmpty();
  }

  @Test
  void restoringRevivesNeitherARotatedTokenNorASessionEndedByLogoutNorAnotherTenantsSession() {
    String alice = client.registered("alice@example.com");
    JsonNode first = client.loggedIn("alice@example.com");
    JsonNode rotated = json(refresh(first));
    List<String> revoked = accounts.revokeSessions(client.tenant(), alice);
    assertThat(accounts.restoreSessions("another-tenant", revoked)).isEmpty();
    accounts.restoreSessions(client.tenant(), revoked);

    problem(refresh(first), 401, "invalid-refresh-token");
    assertThat(sessionsOf(alice)).as("a rotated token presented again still ends its session").isEmpty();

    JsonNode other = client.loggedIn("alice@example.com");
    String otherSession = sessionsOf(alice).stream().filter(s -> !revoked.contains(s)).findFirst().orElseThrow();
    assertThat(client.post("/auth/logout", other.path("access_token").asText(), body()).statusCode())
        .isEqualTo(204);
    assertThat(accounts.restoreSessions(client.tenant(), List.of(otherSession))).isEmpty();
    problem(client.get("/auth/me", other.path("access_token").asText()), 401, "unauthenticated");
    problem(refresh(rotated), 401, "invalid-refresh-token");
  }

  @Test
  void aFrozenUserIsRefusedEveryTokenAndLoginUntilUnfrozen() {
    String alice = client.registered("alice@example.com");
    JsonNode tokens = client.loggedIn("alice@example.com");
    String accessToken = tokens.path("access_token").asText();

    assertThat(accounts.freeze(client.tenant(), alice)).isTrue();
    assertThat(accounts.freeze(client.tenant(), alice)).as("frozen already: nothing to undo later").isFalse();
    assertThat(accounts.isFrozen(client.tenant(), alice)).isTrue();

    problem(client.get("/auth/me", accessToken), 401, "unauthenticated");
    problem(refresh(tokens), 401, "invalid-refresh-token");
    problem(client.login("alice@example.com", PASSWORD, HOME), 401, "invalid-credentials");
    assertThat(accounts.unfreeze(client.tenant(), alice)).isTrue();
    assertThat(accounts.isFrozen(client.tenant(), alice)).isFalse();
    assertThat(client.get("/auth/me", accessToken).statusCode()).as("a freeze suspends, it does not end")
        .isEqualTo(200);
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).isEqualTo(200);
  }

  @Test
  void isScopedToTheTenantAndIgnoresUsersThatAreNotAccounts() {
    String alice = client.registered("alice@example.com");
    client.loggedIn("alice@example.com");

    assertThat(accounts.freeze("another-tenant", alice)).isFalse();
    assertThat(accounts.revokeSessions("another-tenant", alice)).isEmpty();
    assertThat(accounts.freeze(client.tenant(), "alice-from-the-engine-api")).isFalse();
    assertThat(accounts.isFrozen(client.tenant(), "alice-from-the-engine-api")).isFalse();
    assertThat(accounts.revokeSessions(client.tenant(), "alice-from-the-engine-api")).isEmpty();
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).isEqualTo(200);
    assertThat(sessionsOf(alice)).hasSize(2);
  }

  private HttpResponse<String> refresh(JsonNode tokens) {
    return client.post("/auth/refresh", null, body("refresh_token", tokens.path("refresh_token").asText()));
  }

  /** The user's open sessions, oldest first. */
  private List<String> sessionsOf(String userId) {
    return jdbc.sql("SELECT id::text FROM sessions WHERE user_id = ?::uuid AND ended_at IS NULL ORDER BY created_at, id")
        .param(userId).query(String.class).list();
  }
}
