package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.HOME;
import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Force-logout and freezing, as incident response will call them: effective on the very next request. */
@LoginServiceTest
final class AccountEnforcementTests {
  @LocalServerPort
  int port;

  @Autowired
  AccountEnforcement enforcement;

  private AuthClient client;

  @BeforeEach
  void newTenant() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
  }

  @Test
  void forceLogoutEndsEverySessionOfTheUserAtOnce() {
    String alice = client.registered("alice@example.com");
    JsonNode laptop = client.loggedIn("alice@example.com");
    JsonNode phone = client.loggedIn("alice@example.com");

    assertThat(enforcement.forceLogout(client.tenant(), alice)).isEqualTo(2);

    problem(client.get("/auth/me", laptop.path("access_token").asText()), 401, "unauthenticated");
    problem(client.get("/auth/me", phone.path("access_token").asText()), 401, "unauthenticated");
    problem(client.post("/auth/refresh", null, body("refresh_token", phone.path("refresh_token").asText())), 401,
        "invalid-refresh-token");
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).as("not frozen").isEqualTo(200);
  }

  @Test
  void aFrozenUserIsLoggedOutAndCannotLogInUntilUnfrozen() {
    String alice = client.registered("alice@example.com");
    String accessToken = client.loggedIn("alice@example.com").path("access_token").asText();

    assertThat(enforcement.freeze(client.tenant(), alice)).isTrue();

    problem(client.get("/auth/me", accessToken), 401, "unauthenticated");
    problem(client.login("alice@example.com", PASSWORD, HOME), 401, "invalid-credentials");
    assertThat(enforcement.unfreeze(client.tenant(), alice)).isTrue();
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).isEqualTo(200);
  }

  @Test
  void enforcementIsScopedToTheTenantAndIgnoresUsersThatAreNotAccounts() {
    String alice = client.registered("alice@example.com");

    assertThat(enforcement.freeze("another-tenant", alice)).isFalse();
    assertThat(enforcement.freeze(client.tenant(), "alice-from-the-engine-api")).isFalse();
    assertThat(enforcement.forceLogout(client.tenant(), "alice-from-the-engine-api")).isZero();
    assertThat(client.login("alice@example.com", PASSWORD, HOME).statusCode()).isEqualTo(200);
  }
}
