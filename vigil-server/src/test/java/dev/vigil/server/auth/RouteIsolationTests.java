package dev.vigil.server.auth;

import static dev.vigil.server.auth.AuthClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.access.IssuedApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant and user isolation on every route, generated from Spring's own route list
 * ({@link RequestMappingHandlerMapping}): a route added without an entry in {@link #ROUTES} fails this test by
 * name. For each listed route:
 * <ul>
 *   <li>no credential → 401 (a public route is listed as such);</li>
 *   <li>a role below the route's → 403;</li>
 *   <li>a resource id of another tenant — or of another user of the same tenant, for a user's own resources — →
 *       404, never 403 (which would confirm it exists), while the owner gets the resource;</li>
 *   <li>whatever another tenant's caller gets back never names the victim tenant, its users or their resources.</li>
 * </ul>
 */
@LoginServiceTest
final class RouteIsolationTests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Who may call a route. */
  enum Access { PUBLIC, API_KEY, USER, ANALYST, ADMIN }

  /**
   * How a route is probed. {@code path} may name the victim's resources: {user}, {alert}, {incident}, {tuning},
   * {deadLetter}, {tenant}, {riskUser}. {@code ownedBy}: whose resource the id is — "tenant" (another tenant's
   * caller must get 404) or "user" (another user of the same tenant must get 404 too); "namespace" when the id is
   * any user id of the caller's tenant, known to Vigil or not (enforcement also acts on the engine's external user
   * ids): another tenant's id then names a different, empty subject, and the victim must be left untouched; null
   * when the route has no resource id and is scoped to the caller by construction.
   */
  record Probe(Access access, String path, @Nullable String body, @Nullable String ownedBy) {
    static Probe of(Access access, String path) {
      return new Probe(access, path, null, null);
    }

    static Probe owned(Access access, String path, @Nullable String body, String ownedBy) {
      return new Probe(access, path, body, ownedBy);
    }
  }

  /** Every route of the application. Keys are "METHOD pattern" exactly as Spring registers them. */
  private static final Map<String, Probe> ROUTES = new LinkedHashMap<>();

  static {
    for (String publicRoute : List.of("POST /auth/register", "POST /auth/login", "POST /auth/login/mfa",
        "POST /auth/refresh", "GET /notify/confirm/{token}", "GET /notify/report/{token}")) {
      ROUTES.put(publicRoute, Probe.of(Access.PUBLIC, ""));
    }
    // Engine API (API keys): the key decides the tenant.
    ROUTES.put("POST /api/v1/assess", Probe.owned(Access.API_KEY, "/api/v1/assess", """
        {"tenantId":"{tenant}","userId":"x","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS",
         "ip":"192.0.2.1"}""", "tenant"));
    ROUTES.put("POST /api/v1/events", Probe.of(Access.API_KEY, "/api/v1/events"));
    // Another tenant confirming a challenge that is really pending is AssessApiTests' (404, and the owner still can).
    ROUTES.put("POST /api/v1/assessments/{eventId}/confirm",
        Probe.owned(Access.API_KEY, "/api/v1/assessments/e-isolation/confirm", null, "tenant"));
    ROUTES.put("GET /api/v1/users/{userId}/risk",
        Probe.owned(Access.API_KEY, "/api/v1/users/{riskUser}/risk", null, "tenant"));
    // The signed-in user's own things: nothing to name but the caller.
    ROUTES.put("POST /auth/logout", Probe.of(Access.USER, "/auth/logout"));
    ROUTES.put("POST /auth/sessions/logout-others", Probe.of(Access.USER, "/auth/sessions/logout-others"));
    ROUTES.put("GET /auth/sessions", Probe.of(Access.USER, "/auth/sessions"));
    ROUTES.put("GET /auth/me", Probe.of(Access.USER, "/auth/me"));
    ROUTES.put("POST /auth/totp/enroll", Probe.of(Access.USER, "/auth/totp/enroll"));
    ROUTES.put("POST /auth/totp/activate", Probe.of(Access.USER, "/auth/totp/activate"));
    ROUTES.put("GET /auth/notification-preferences", Probe.of(Access.USER, "/auth/notification-preferences"));
    ROUTES.put("PUT /auth/notification-preferences", Probe.of(Access.USER, "/auth/notification-preferences"));
    ROUTES.put("GET /auth/login-history", Probe.of(Access.USER, "/auth/login-history"));
    ROUTES.put("GET /auth/security-alerts", Probe.of(Access.USER, "/auth/security-alerts"));
    ROUTES.put("GET /security/events", Probe.of(Access.USER, "/security/events"));
    ROUTES.put("GET /security/alerts", Probe.of(Access.USER, "/security/alerts"));
    ROUTES.put("GET /security/alerts/unread-count", Probe.of(Access.USER, "/security/alerts/unread-count"));
    ROUTES.put("POST /auth/security-alerts/{alertId}/acknowledge",
        Probe.owned(Access.USER, "/auth/security-alerts/{alert}/acknowledge", null, "user"));
    ROUTES.put("PATCH /security/alerts/{alertId}/acknowledge",
        Probe.owned(Access.USER, "/security/alerts/{alert}/acknowledge", null, "user"));
    // Analysts: the caller's tenant.
    ROUTES.put("POST /internal/sessions/force-logout", Probe.owned(Access.ANALYST, "/internal/sessions/force-logout",
        "{\"userId\":\"{user}\"}", "namespace"));
    ROUTES.put("POST /internal/users/{userId}/freeze",
        Probe.owned(Access.ANALYST, "/internal/users/{user}/freeze", null, "namespace"));
    ROUTES.put("POST /internal/users/{userId}/unfreeze",
        Probe.owned(Access.ANALYST, "/internal/users/{user}/unfreeze", null, "namespace"));
    ROUTES.put("GET /internal/users/{userId}", Probe.owned(Access.ANALYST, "/internal/users/{user}", null, "tenant"));
    ROUTES.put("POST /internal/risk/login/incidents", Probe.of(Access.ANALYST, "/internal/risk/login/incidents"));
    ROUTES.put("GET /internal/risk/login/incidents", Probe.of(Access.ANALYST, "/internal/risk/login/incidents"));
    ROUTES.put("GET /internal/risk/login/incidents/{id}",
        Probe.owned(Access.ANALYST, "/internal/risk/login/incidents/{incident}", null, "tenant"));
    ROUTES.put("POST /internal/risk/login/incidents/{id}/ack",
        Probe.owned(Access.ANALYST, "/internal/risk/login/incidents/{incident}/ack", null, "tenant"));
    ROUTES.put("POST /internal/risk/login/incidents/{id}/close",
        Probe.owned(Access.ANALYST, "/internal/risk/login/incidents/{incident}/close", null, "tenant"));
    ROUTES.put("POST /internal/risk/login/incidents/{id}/rollback",
        Probe.owned(Access.ANALYST, "/internal/risk/login/incidents/{incident}/rollback", null, "tenant"));
    ROUTES.put("GET /internal/tuning", Probe.of(Access.ANALYST, "/internal/tuning"));
    ROUTES.put("POST /internal/tuning/{id}/revert",
        Probe.owned(Access.ANALYST, "/internal/tuning/{tuning}/revert", null, "tenant"));
    ROUTES.put("GET /internal/audit", Probe.of(Access.ANALYST, "/internal/audit"));
    ROUTES.put("POST /internal/audit/verify", Probe.of(Access.ANALYST, "/internal/audit/verify"));
    ROUTES.put("GET /internal/dashboard/summary", Probe.of(Access.ANALYST, "/internal/dashboard/summary"));
    ROUTES.put("GET /internal/dashboard/map", Probe.of(Access.ANALYST, "/internal/dashboard/map"));
    ROUTES.put("GET /internal/users", Probe.of(Access.ANALYST, "/internal/users"));
    ROUTES.put("GET /internal/sessions", Probe.of(Access.ANALYST, "/internal/sessions"));
    ROUTES.put("GET /internal/policy", Probe.of(Access.ANALYST, "/internal/policy"));
    ROUTES.put("POST /internal/policy/backtest", Probe.of(Access.ANALYST, "/internal/policy/backtest"));
    ROUTES.put("GET /internal/incidents/{id}/notifications",
        Probe.owned(Access.ANALYST, "/internal/incidents/{incident}/notifications", null, "tenant"));
    // Administrators: the caller's tenant. /admin/stats is the one admin route analysts read.
    ROUTES.put("GET /admin/stats", Probe.of(Access.ANALYST, "/admin/stats"));
    ROUTES.put("PUT /admin/users/{userId}/role",
        Probe.owned(Access.ADMIN, "/admin/users/{user}/role", "{\"role\":\"USER\"}", "tenant"));
    ROUTES.put("GET /admin/tenants/{tenant}/flags",
        Probe.owned(Access.ADMIN, "/admin/tenants/{tenant}/flags", null, "tenant"));
    ROUTES.put("PUT /admin/tenants/{tenant}/flags",
        Probe.owned(Access.ADMIN, "/admin/tenants/{tenant}/flags", "{}", "tenant"));
    ROUTES.put("GET /admin/notifications/outbox", Probe.of(Access.ADMIN, "/admin/notifications/outbox"));
    ROUTES.put("GET /admin/notifications/dead-letters", Probe.of(Access.ADMIN, "/admin/notifications/dead-letters"));
    ROUTES.put("POST /admin/notifications/dead-letters/{id}/retry",
        Probe.owned(Access.ADMIN, "/admin/notifications/dead-letters/{deadLetter}/retry", null, "tenant"));
    ROUTES.put("POST /admin/notifications/dead-letters/retry",
        Probe.of(Access.ADMIN, "/admin/notifications/dead-letters/retry"));
  }

  /** Probed for 401 only: calling them with a token would end the session the other probes use. */
  private static final List<String> ENDS_CALLERS_SESSIONS =
      List.of("POST /auth/logout", "POST /auth/sessions/logout-others");

  /** Framework routes (error page, API docs): public by design, documented in docs/server.md. */
  private static final List<String> FRAMEWORK_PREFIXES = List.of("/error", "/v3/api-docs", "/swagger-ui");

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Test
  void everyRouteIsListedWithHowItIsProbed() {
    List<String> unlisted = new ArrayList<>(new TreeSet<>(routes()).stream()
        .filter(route -> !ROUTES.containsKey(route))
        .filter(route -> FRAMEWORK_PREFIXES.stream().noneMatch(p -> route.substring(route.indexOf(' ') + 1)
            .startsWith(p)))
        .toList());

    assertThat(unlisted).as("routes without an isolation probe in RouteIsolationTests.ROUTES; add each with its "
        + "access level and the resource id it takes").isEmpty();
    assertThat(ROUTES.keySet()).as("listed routes that no longer exist").isSubsetOf(routes());
  }

  @Test
  void everyRouteRefusesStrangersWrongRolesAndOtherTenantsAndUsers() {
    Fixture f = new Fixture();
    List<String> failures = new ArrayList<>();
    ROUTES.forEach((route, probe) -> {
      if (probe.access() == Access.PUBLIC) {
        return;
      }
      String method = route.substring(0, route.indexOf(' '));
      String path = f.fill(probe.path());
      String body = probe.body() == null ? (method.equals("GET") ? null : "{}") : f.fill(probe.body());

      expect(failures, route + " without credentials", send(method, path, body, null, null), 401);
      switch (probe.access()) {
        case ANALYST -> expect(failures, route + " as USER", send(method, path, body, f.bob, null), 403);
        case ADMIN -> {
          expect(failures, route + " as USER", send(method, path, body, f.bob, null), 403);
          expect(failures, route + " as ANALYST", send(method, path, body, f.analystB, null), 403);
        }
        default -> { }
      }
      if ("namespace".equals(probe.ownedBy())) {
        Answer foreign = send(method, path, body, f.analystB, null);
        if (foreign.status() >= 500) {
          failures.add(route + " with another tenant's user id: " + foreign.status() + " " + foreign.body());
        }
      } else if (probe.ownedBy() != null) {
        Answer foreign = switch (probe.access()) {
          case API_KEY -> send(method, path, body, null, f.keyB.key());
          case USER -> send(method, path, body, f.mallory, null);
          case ANALYST -> send(method, path, body, f.analystB, null);
          case ADMIN -> send(method, path, body, f.adminB, null);
          default -> throw new IllegalStateException();
        };
        expect(failures, route + " with " + probe.ownedBy() + "-foreign id", foreign, 404);
        if (method.equals("GET")) {
          Answer own = switch (probe.access()) {
            case API_KEY -> send(method, path, body, null, f.keyA.key());
            case USER -> send(method, path, body, f.alice, null);
            default -> send(method, path, body, f.adminA, null);
          };
          if (own.status() != 200) {
            failures.add(route + " by its owner: expected 200, got " + own.status() + " " + own.body());
          }
        }
      } else if (probe.access() != Access.API_KEY && !ENDS_CALLERS_SESSIONS.contains(route)) {
        String token = switch (probe.access()) {
          case USER -> f.bob;
          case ANALYST -> f.analystB;
          default -> f.adminB;
        };
        Answer other = send(method, path, body, token, null);
        for (String marker : f.markers()) {
          if (other.body().contains(marker)) {
            failures.add(route + " by another tenant's caller shows the victim's " + marker + ": " + other.body());
          }
        }
      }
    });

    assertThat(failures).isEmpty();
    // What other tenants and users did left the victim untouched: her session is open, her account not frozen.
    assertThat(send("GET", "/auth/me", null, f.alice, null).status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT frozen FROM users WHERE id = ?::uuid").param(f.aliceId).query(Boolean.class)
        .single()).isFalse();
  }

  private List<String> routes() {
    List<String> routes = new ArrayList<>();
    mapping.getHandlerMethods().forEach((info, handler) -> {
      var methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          routes.add("ANY " + pattern);
        }
        for (RequestMethod method : methods) {
          routes.add(method.name() + " " + pattern);
        }
      }
    });
    return routes;
  }

  private static void expect(List<String> failures, String what, Answer answer, int status) {
    if (answer.status() != status || !answer.contentType().startsWith("application/problem+json")) {
      failures.add(what + ": expected " + status + " problem, got " + answer.status() + " " + answer.contentType()
          + " " + answer.body());
    }
  }

  private Answer send(String method, String path, @Nullable String body, @Nullable String token,
      @Nullable String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", AuthClient.HOME)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(int status, String contentType, String body) {}

  /** The victim tenant A (alice and her resources) and the other callers: mallory in A, everyone else in B. */
  private final class Fixture {
    final AuthClient a = new AuthClient(port, "t-" + UUID.randomUUID());
    final AuthClient b = new AuthClient(port, "t-" + UUID.randomUUID());
    final String aliceId = a.registered("alice@example.com");
    final String alice = a.loggedIn("alice@example.com").path("access_token").asText();
    final String mallory = token(a, "mallory@example.com", "USER");
    final String adminA = token(a, "admin@example.com", "ADMIN");
    final String bob = token(b, "bob@example.com", "USER");
    final String analystB = token(b, "analyst@example.com", "ANALYST");
    final String adminB = token(b, "admin@example.com", "ADMIN");
    final IssuedApiKey keyA = keys.issue(a.tenant(), "isolation");
    final IssuedApiKey keyB = keys.issue(b.tenant(), "isolation");
    final String riskUser = "risk-" + UUID.randomUUID();
    final long alertId;
    final String incidentId = UUID.randomUUID().toString();
    final long tuningId;
    final long deadLetterId;

    Fixture() {
      Timestamp now = Timestamp.from(Instant.now());
      alertId = jdbc.sql("""
              INSERT INTO security_alerts (tenant_id, user_id, event_id, alert_type, signal_types, severity, message,
                                           score, decision, occurred_at, created_at, dedup_key)
              VALUES (?, ?, 'e-isolation', 'NEW_NETWORK', '{NEW_NETWORK}', 'medium', 'isolation probe', 50,
                      'ALLOW', ?, ?, ?) RETURNING id""")
          .params(a.tenant(), aliceId, now, now, "isolation-" + UUID.randomUUID()).query(Long.class).single();
      jdbc.sql("""
              INSERT INTO incidents (id, tenant_id, subject_kind, subject_id, status, severity, max_score,
                                     signal_types, origin, trace_id, opened_at, updated_at)
              VALUES (?::uuid, ?, 'user', ?, 'OPEN', 'medium', 50, '{NEW_NETWORK}', 'manual', ?, ?, ?)""")
          .params(incidentId, a.tenant(), aliceId, "0".repeat(32), now, now).update();
      tuningId = jdbc.sql("""
              INSERT INTO threshold_tunings (tenant_id, signal_type, old_value, new_value, reason, created_at)
              VALUES (?, 'NEW_NETWORK', 60, 70, 'isolation probe', ?) RETURNING id""")
          .params(a.tenant(), now).query(Long.class).single();
      deadLetterId = jdbc.sql("""
              INSERT INTO notification_outbox (tenant_id, user_id, channel, kind, ordering_key, dedup_key, payload,
                                               status, attempts, next_attempt_at, expires_at, created_at)
              VALUES (?, ?, 'webhook', 'alert', ?, ?, '{}'::jsonb, 'dead', 9, ?, ?, ?) RETURNING id""")
          .params(a.tenant(), aliceId, "isolation-" + UUID.randomUUID(), "isolation-" + UUID.randomUUID(), now,
              now, now)
          .query(Long.class).single();
      var assessed = send("POST", "/api/v1/assess", """
          {"userId":"%s","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS","ip":"81.2.69.160"}"""
          .formatted(riskUser), null, keyA.key());
      assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
    }

    String fill(String template) {
      return template.replace("{user}", aliceId).replace("{alert}", Long.toString(alertId))
          .replace("{incident}", incidentId).replace("{tuning}", Long.toString(tuningId))
          .replace("{deadLetter}", Long.toString(deadLetterId)).replace("{tenant}", a.tenant())
          .replace("{riskUser}", riskUser);
    }

    List<String> markers() {
      // Not alice's id: the "namespace" probes hand it to the other tenant, whose own audit log then names it.
      return List.of(a.tenant(), incidentId, riskUser, "isolation probe");
    }

    private String token(AuthClient tenant, String email, String role) {
      String id = tenant.registered(email);
      jdbc.sql("UPDATE users SET role = ? WHERE id = ?::uuid").params(role, id).update();
      var response = tenant.login(email, PASSWORD, AuthClient.HOME);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return AuthClient.json(response).path("access_token").asText();
    }
  }
}
