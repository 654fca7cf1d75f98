package dev.vigil.server.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.policy.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak adapter's requests, against a real HTTP server answering as Keycloak's token endpoint and admin API
 * do. (KeycloakEndToEndIT in vigil-keycloak runs the same adapter against a real Keycloak.)
 */
final class KeycloakEnforcerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private static final String USER_ID = "6f1c1c9e-7a43-4c1b-9e0f-3f6d2f6b1a11";

  private final MockWebServer keycloak = new MockWebServer();
  private KeycloakEnforcer enforcer;

  @BeforeEach
  void start() throws Exception {
    keycloak.start();
    enforcer = KeycloakEnforcer.of(new EnforceSettings.Keycloak(keycloak.url("/").uri(), "acme", "vigil-enforcer",
        "s3cr3t-client-secret", EnforceSettings.UserKey.USERNAME, Duration.ofSeconds(2)), CLOCK);
  }

  @AfterEach
  void stop() {
    keycloak.close();
  }

  @Test
  void forcedLogoutFindsTheUserByUsernameAndEndsHerSessionsWithOneServiceAccountToken() throws Exception {
    enqueueToken();
    enqueueJson("[{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"}]");
    enqueueJson("[{\"id\":\"s-1\"},{\"id\":\"s-2\"}]");
    keycloak.enqueue(new MockResponse.Builder().code(204).build());

    Applied applied = enforcer.apply(request(Action.FORCE_LOGOUT, "Alice"));

    assertThat(applied.changed()).isTrue();
    assertThat(applied.note()).isEqualTo("2 Keycloak session(s) ended");
    RecordedRequest token = take();
    assertThat(token.getTarget()).isEqualTo("/realms/acme/protocol/openid-connect/token");
    assertThat(token.getBody().utf8()).isEqualTo(
        "grant_type=client_credentials&client_id=vigil-enforcer&client_secret=s3cr3t-client-secret");
    RecordedRequest lookup = take();
    assertThat(lookup.getTarget()).isEqualTo("/admin/realms/acme/users?exact=true&briefRepresentation=true&username=alice");
    assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(take().getTarget()).isEqualTo("/admin/realms/acme/users/" + USER_ID + "/sessions");
    RecordedRequest logout = take();
    assertThat(logout.getMethod()).isEqualTo("POST");
    assertThat(logout.getTarget()).isEqualTo("/admin/realms/acme/users/" + USER_ID + "/logout");

    // A second action within the token's lifetime asks for no new token.
    enqueueJson("[{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"}]");
    enqueueJson("[]");
    keycloak.enqueue(new MockResponse.Builder().code(204).build());
    assertThat(enforcer.apply(request(Action.FORCE_LOGOUT, "alice")).changed()).isFalse();
    assertThat(take().getTarget()).startsWith("/admin/realms/acme/users?");
  }

  @Test
  void freezeDisablesTheUserKeepingHerOtherFieldsAndItsUndoEnablesHerAgain() throws Exception {
    enqueueToken();
    enqueueJson("[{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"}]");
    enqueueJson("{\"id\":\"" + USER_ID + "\",\"username\":\"alice\",\"email\":\"alice@example.com\",\"enabled\":true}");
    keycloak.enqueue(new MockResponse.Builder().code(204).build());

    Applied applied = enforcer.apply(request(Action.FREEZE, "alice"));

    assertThat(applied.changed()).isTrue();
    take();
    take();
    take();
    RecordedRequest put = take();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/admin/realms/acme/users/" + USER_ID);
    var body = JSON.readTree(put.getBody().utf8());
    assertThat(body.path("enabled").asBoolean(true)).isFalse();
    assertThat(body.path("email").asText()).isEqualTo("alice@example.com");

    enqueueJson("[{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"}]");
    enqueueJson("{\"id\":\"" + USER_ID + "\",\"username\":\"alice\",\"enabled\":false}");
    keycloak.enqueue(new MockResponse.Builder().code(204).build());
    enforcer.undo(request(Action.FREEZE, "alice"), applied);
    take();
    take();
    assertThat(JSON.readTree(take().getBody().utf8()).path("enabled").asBoolean()).isTrue();
  }

  @Test
  void freezingAnAccountDisabledAlreadyChangesNothingSoItsUndoLeavesItDisabled() throws Exception {
    enqueueToken();
    enqueueJson("[{\"id\":\"" + USER_ID + "\",\"username\":\"alice\"}]");
    enqueueJson("{\"id\":\"" + USER_ID + "\",\"username\":\"alice\",\"enabled\":false}");

    Applied applied = enforcer.apply(request(Action.FREEZE, "alice"));
    enforcer.undo(request(Action.FREEZE, "alice"), applied);

    assertThat(applied.changed()).isFalse();
    assertThat(keycloak.getRequestCount()).as("token, lookup, read; no write, and nothing for the undo").isEqualTo(3);
  }

  @Test
  void aUserIdThatNamesNoKeycloakUserChangesNothing() throws Exception {
    enqueueToken();
    enqueueJson("[]");

    Applied applied = enforcer.apply(request(Action.FORCE_LOGOUT, "someone-else"));

    assertThat(applied.changed()).isFalse();
    assertThat(applied.note()).contains("no such user");
  }

  @Test
  void aRefusedTokenFailsTheActionForRetryWithoutNamingTheSecret() {
    keycloak.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"unauthorized_client\"}").build());

    assertThatThrownBy(() -> enforcer.apply(request(Action.FORCE_LOGOUT, "alice")))
        .isInstanceOf(EnforcementFailedException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void anAdminApiErrorFailsTheActionWithoutNamingTheUser() {
    enqueueToken();
    keycloak.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> enforcer.apply(request(Action.FORCE_LOGOUT, "alice")))
        .isInstanceOf(EnforcementFailedException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("alice");
  }

  @Test
  void refusesToStartWithoutItsSettings() {
    assertThatThrownBy(() -> KeycloakEnforcer.of(new EnforceSettings.Keycloak(keycloak.url("/").uri(), "acme", null,
        null, EnforceSettings.UserKey.USERNAME, Duration.ofSeconds(2)), CLOCK))
        .hasMessageContaining("vigil.enforce.keycloak.base-url, realm, client-id and client-secret");
  }

  private void enqueueToken() {
    enqueueJson("{\"access_token\":\"token-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
  }

  private void enqueueJson(String json) {
    keycloak.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json)
        .build());
  }

  private RecordedRequest take() throws InterruptedException {
    return keycloak.takeRequest(5, TimeUnit.SECONDS);
  }

  private static EnforcementRequest request(Action action, String user) {
    return new EnforcementRequest("acme", action, Target.user(user), List.of(), "inc-1",
        "0123456789abcdef0123456789abcdef");
  }
}
