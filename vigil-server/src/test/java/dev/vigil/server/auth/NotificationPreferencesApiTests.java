package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.notify.RecipientDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A login-service user's own notification settings over HTTP, and where their notifications go: the email they
 * registered with.
 */
@LoginServiceTest
final class NotificationPreferencesApiTests {
  private static final String PATH = "/auth/notification-preferences";

  @LocalServerPort
  int port;

  @Autowired
  RecipientDirectory recipients;

  private AuthClient client;
  private String alice;
  private String token;

  @BeforeEach
  void aliceLoggedIn() {
    client = new AuthClient(port, "t-" + UUID.randomUUID());
    alice = client.registered("Alice@Example.com");
    token = client.loggedIn("alice@example.com").path("access_token").asText();
  }

  @Test
  void everyTopicIsOnUntilTheUserSwitchesItOff() {
    assertThat(enabled(json(client.get(PATH, token))))
        .containsEntry("new_sign_in", true).containsEntry("suspicious_sign_in", true);

    JsonNode after = json(client.put(PATH, token, body("new_sign_in", false)));

    assertThat(enabled(after)).containsEntry("new_sign_in", false).containsEntry("suspicious_sign_in", true);
    assertThat(enabled(json(client.get(PATH, token)))).containsEntry("new_sign_in", false);
    assertThat(securityCritical(after)).containsEntry("suspicious_sign_in", true).containsEntry("new_sign_in", false);
  }

  @Test
  void aSecurityCriticalTopicCannotBeSwitchedOffAndTheWholeRequestIsRefused() {
    JsonNode refused = problem(client.put(PATH, token, body("new_sign_in", false, "suspicious_sign_in", false)),
        400, "security-critical-topic");

    assertThat(refused.path("detail").asText()).contains("suspicious_sign_in");
    assertThat(enabled(json(client.get(PATH, token))))
        .as("nothing of the refused request was stored")
        .containsEntry("new_sign_in", true).containsEntry("suspicious_sign_in", true);
  }

  @Test
  void anUnknownTopicIsABadRequestAndAnonymousCallersAreRefused() {
    problem(client.put(PATH, token, body("marketing", false)), 400, "invalid-request");
    problem(client.get(PATH, null), 401, "unauthenticated");
  }

  @Test
  void choicesAreTheCallersOwn() {
    client.put(PATH, token, body("new_sign_in", false));
    client.registered("bob@example.com");
    String bob = client.loggedIn("bob@example.com").path("access_token").asText();

    assertThat(enabled(json(client.get(PATH, bob)))).containsEntry("new_sign_in", true);
  }

  @Test
  void notificationsGoToTheAddressTheUserRegisteredWith() {
    assertThat(recipients.emailOf(client.tenant(), alice)).hasValue("alice@example.com");
    assertThat(recipients.emailOf("another-tenant", alice)).isEmpty();
    assertThat(recipients.emailOf(client.tenant(), "an-engine-api-user")).isEmpty();
  }

  private static Map<String, Boolean> enabled(JsonNode view) {
    Map<String, Boolean> enabled = new HashMap<>();
    view.path("topics").forEach(t -> enabled.put(t.path("topic").asText(), t.path("enabled").asBoolean()));
    return enabled;
  }

  private static Map<String, Boolean> securityCritical(JsonNode view) {
    Map<String, Boolean> critical = new HashMap<>();
    view.path("topics").forEach(t -> critical.put(t.path("topic").asText(), t.path("securityCritical").asBoolean()));
    return critical;
  }
}
