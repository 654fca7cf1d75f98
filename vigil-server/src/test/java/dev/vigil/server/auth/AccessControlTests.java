package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.body;
import static dev.vigil.server.auth.AuthClient.json;
import static dev.vigil.server.auth.AuthClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Roles on routes: {@code /admin/**} for ADMIN, {@code /internal/**} for ANALYST and ADMIN, the rest by token. */
@LoginServiceTest
final class AccessControlTests {
  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theBootstrapAdministratorFromConfigurationSeesTheTenantsStatistics() {
    AuthClient bootstrap = new AuthClient(port, LoginServiceTest.BOOTSTRAP_TENANT);
    JsonNode tokens = json(bootstrap.login("root@example.test", LoginServiceTest.BOOTSTRAP_PASSWORD,
        AuthClient.HOME));
    String admin = tokens.path("access_token").asText();

    HttpResponse<String> stats = bootstrap.get("/admin/stats", admin);

    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
    JsonNode body = json(stats);
    assertThat(body.path("tenant_id").asText()).isEqualTo(LoginServiceTest.BOOTSTRAP_TENANT);
    assertThat(body.path("total_users").asLong()).isPositive();
    assertThat(body.path("total_logins").asLong()).isPositive();
    assertThat(body.path("active_sessions").asLong()).isPositive();
    assertThat(body.has("flagged_events")).isTrue();
  }

  @Test
  void adminStatsCountOnlyTheAdministratorsTenant() {
    AuthClient tenant = new AuthClient(port, "t-" + UUID.randomUUID());
    tenant.registered("alice@example.com");
    tenant.login("alice@example.com", "wrong-password", AuthClient.HOME);
    tenant.login("alice@example.com", AuthClient.PASSWORD, ScriptedEngine.DENIED_NETWORK + "1");
    // The denial opens an incident whose actions (logout, freeze) run after its commit on the enforcement threads;
    // let them finish first, so that they cannot end the session created below and the counts are deterministic.
    awaitNoPendingActions(tenant.tenant());
    tenant.loggedIn("alice@example.com");
    String adminOfTenant = promotedAdmin(tenant);

    JsonNode stats = json(tenant.get("/admin/stats", adminOfTenant));

    assertThat(stats.path("total_users").asLong()).isEqualTo(2);
    assertThat(stats.path("total_logins").asLong()).as("alice x3, the admin x1").isEqualTo(4);
    assertThat(stats.path("successful_logins").asLong()).isEqualTo(3);
    assertThat(stats.path("flagged_events").asLong()).as("the denied login").isEqualTo(1);
    assertThat(stats.path("active_sessions").asLong()).isEqualTo(2);
  }

  @Test
  void aPlainUserIsForbiddenTheAdminRoutes() {
    AuthClient tenant = new AuthClient(port, "t-" + UUID.randomUUID());
    tenant.registered("alice@example.com");
    String user = tenant.loggedIn("alice@example.com").path("access_token").asText();

    JsonNode forbidden = problem(tenant.get("/admin/stats", user), 403, "forbidden");

    assertThat(forbidden.path("detail").asText()).isNotBlank();
    problem(tenant.get("/admin/stats", null), 401, "unauthenticated");
  }

  @Test
  void internalRoutesAreForAnalystsAndAdministratorsAndARoleChangeCountsAtOnce() {
    AuthClient tenant = new AuthClient(port, "t-" + UUID.randomUUID());
    String aliceId = tenant.registered("alice@example.com");
    String alice = tenant.loggedIn("alice@example.com").path("access_token").asText();
    problem(tenant.get("/internal/risk/login/incidents", alice), 403, "forbidden");

    String admin = promotedAdmin(tenant);
    assertThat(tenant.put("/admin/users/" + aliceId + "/role", admin, body("role", "ANALYST")).statusCode())
        .isEqualTo(204);

    // Same access token: the role is read from the account on every request.
    assertThat(tenant.get("/internal/risk/login/incidents", alice).statusCode()).isEqualTo(200);
    // The console's counters are the one admin route analysts read; the rest stays ADMIN only.
    assertThat(tenant.get("/admin/stats", alice).statusCode()).isEqualTo(200);
    problem(tenant.get("/admin/tenants/" + tenant.tenant() + "/flags", alice), 403, "forbidden");
  }

  @Test
  void anAdministratorCannotChangeARoleInAnotherTenant() {
    AuthClient tenant = new AuthClient(port, "t-" + UUID.randomUUID());
    AuthClient other = new AuthClient(port, "t-" + UUID.randomUUID());
    String victim = other.registered("victim@example.com");
    String admin = promotedAdmin(tenant);

    problem(tenant.put("/admin/users/" + victim + "/role", admin, body("role", "ADMIN")), 404, "account-not-found");
  }

  @Test
  void theEngineApiIsGuardedByApiKeysNotByTheLoginServiceChain() {
    AuthClient tenant = new AuthClient(port, "t-" + UUID.randomUUID());

    HttpResponse<String> assessed = tenant.send(tenant.request("/api/v1/assess", null, AuthClient.HOME,
            AuthClient.CHROME)
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"tenantId":"%s","userId":"alice","timestamp":"2026-11-02T10:00:00Z","outcome":"SUCCESS",
             "ip":"81.2.69.160"}""".formatted(tenant.tenant()))));

    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(401);
    assertThat(assessed.body()).contains("https://vigil.dev/problems/unauthenticated").contains("API key");
  }

  @Test
  void healthIsPublic() {
    AuthClient anyone = new AuthClient(port, "default");

    assertThat(anyone.get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  /** Registers an account in the tenant and makes it ADMIN as an operator would (SQL), returning its token. */
  private String promotedAdmin(AuthClient tenant) {
    String id = tenant.registered("admin@example.com");
    jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE id = ?::uuid").param(id).update();
    return tenant.loggedIn("admin@example.com").path("access_token").asText();
  }

  private void awaitNoPendingActions(String tenantId) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (jdbc.sql("SELECT count(*) FROM incident_actions WHERE tenant_id = ? AND status = 'PENDING'")
        .param(tenantId).query(Long.class).single() > 0) {
      assertThat(System.nanoTime()).as("incident actions still pending after 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}