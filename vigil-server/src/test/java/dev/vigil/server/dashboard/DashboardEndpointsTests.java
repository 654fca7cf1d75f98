package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard over plain HTTP: what its pages may load, the headers they carry, and who reads its data. */
@DashboardServerTest
final class DashboardEndpointsTests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HOME_IP = "81.2.69.160";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  private InternalApi api;

  @BeforeEach
  void setUp() {
    api = new InternalApi(port, "t-" + UUID.randomUUID(), keys, jdbc);
  }

  @Test
  void pagesLoadWithoutATokenAndCarryTheStrictContentSecurityPolicy() throws Exception {
    for (String page : new String[] {"/admin/", "/account/", "/login.html", "/admin/assets/admin.js",
        "/account/assets/account.js", "/assets/api.js", "/assets/vigil.css"}) {
      HttpResponse<String> answer = get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
          .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              + "frame-ancestors 'none'; base-uri 'none'");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(page).hasValue("no-referrer");
      assertThat(answer.headers().firstValue("Set-Cookie")).as(page).isEmpty();
    }
  }

  @Test
  void pagesHoldNoInlineScriptOrStyle() throws Exception {
    for (String page : new String[] {"/admin/", "/account/", "/login.html"}) {
      String html = get(page).body();
      assertThat(html).as(page).containsPattern("<script type=\"module\" src=\"/[^\"]+\"></script>")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style", " style=", " onclick=");
    }
  }

  @Test
  void bareConsolePathRedirectsToThePage() throws Exception {
    HttpResponse<String> answer = get("/admin");
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/"));
  }

  @Test
  void aUserIsRefusedTheConsolesDataButAnAnalystReadsIt() {
    String email = "user-" + UUID.randomUUID() + "@example.test";
    api.registered(email);
    String userToken = api.loggedIn(email).path("access_token").asText();

    for (String data : new String[] {"/admin/stats", "/internal/dashboard/summary", "/internal/users/anyone",
        "/internal/risk/login/incidents", "/internal/audit"}) {
      assertThat(api.getWith(userToken, data).status()).as(data).isEqualTo(403);
      assertThat(api.getAnonymously(data).status()).as(data).isEqualTo(401);
    }
    assertThat(api.getWith(api.analystToken(), "/admin/stats").status()).as("analysts read the counters")
        .isEqualTo(200);
    assertThat(api.getWith(api.analystToken(), "/admin/notifications/dead-letters").status())
        .as("but no other admin route").isEqualTo(403);
  }

  @Test
  void summaryCountsTheTenantsLoginsByDecisionAndSignal() {
    String email = "user-" + UUID.randomUUID() + "@example.test";
    api.registered(email);
    for (int i = 0; i < 3; i++) {
      assertThat(api.login(email, InternalApi.PASSWORD, HOME_IP, Browser.USER_AGENT, "laptop").status())
          .isEqualTo(200);
    }
    assertThat(api.login(email, "wrong password", HOME_IP, Browser.USER_AGENT, "laptop").status()).isEqualTo(401);

    JsonNode summary = api.get("/internal/dashboard/summary").json();

    assertThat(summary.path("bucketSeconds").asLong()).isEqualTo(3600);
    long logins = 0;
    for (JsonNode point : summary.path("logins")) {
      logins += point.path("count").asLong();
    }
    long stored = jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(api.tenant())
        .query(Long.class).single();
    assertThat(stored).as("the user's four attempts and the staff's logins").isGreaterThanOrEqualTo(4);
    assertThat(logins).as("every stored login of the tenant").isEqualTo(stored);
    long scored = 0;
    for (JsonNode decile : summary.path("scores")) {
      scored += decile.path("count").asLong();
    }
    assertThat(scored).isEqualTo(stored);
    InternalApi other = api.as("t-" + UUID.randomUUID());
    long othersLogins = 0;
    for (JsonNode point : other.get("/internal/dashboard/summary").json().path("logins")) {
      othersLogins += point.path("count").asLong();
    }
    assertThat(othersLogins).as("another tenant's analyst sees only that tenant's own (staff) logins")
        .isEqualTo(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(other.tenant())
            .query(Long.class).single());
  }

  @Test
  void summaryRefusesAnInvertedOrTooLongRange() {
    assertThat(api.get("/internal/dashboard/summary?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").status())
        .isEqualTo(400);
    assertThat(api.get("/internal/dashboard/summary?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z").status())
        .isEqualTo(400);
  }

  @Test
  void userViewShowsRecentLoginsAccountStateAndOpenSessionsMasked() {
    String email = "user-" + UUID.randomUUID() + "@example.test";
    String id = api.registered(email);
    assertThat(api.login(email, InternalApi.PASSWORD, HOME_IP, Browser.USER_AGENT, "laptop").status()).isEqualTo(200);

    InternalApi.Answer answer = api.get("/internal/users/" + id);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode view = answer.json();
    assertThat(view.path("risk").path("recentAssessments")).hasSize(1);
    assertThat(view.path("account").path("frozen").asBoolean()).isFalse();
    assertThat(view.path("sessions")).hasSize(1);
    assertThat(view.path("sessions").get(0).path("ipMasked").asText()).isEqualTo("81.2.69.xxx");
    assertThat(answer.body()).doesNotContain(HOME_IP);
    assertThat(api.as("t-" + UUID.randomUUID()).get("/internal/users/" + id).status())
        .as("another tenant's analyst").isEqualTo(404);
  }

  @Test
  void loggingOutOtherSessionsKeepsOnlyTheCallersOwn() {
    String email = "user-" + UUID.randomUUID() + "@example.test";
    api.registered(email);
    String phone = api.loggedIn(email).path("access_token").asText();
    String laptop = api.loggedIn(email).path("access_token").asText();

    String stranger = "user-" + UUID.randomUUID() + "@example.test";
    api.registered(stranger);
    api.loggedIn(stranger);
    InternalApi.Answer before = api.getWith(laptop, "/auth/sessions");
    assertThat(before.status()).as(before.body()).isEqualTo(200);
    assertThat(before.json()).as("both of the caller's sessions, no one else's").hasSize(2);
    assertThat(before.json().get(0).path("current").asBoolean()).as("newest first: the laptop asking").isTrue();
    assertThat(before.json().get(1).path("current").asBoolean()).isFalse();
    assertThat(before.json().get(0).path("ip").asText()).endsWith(".xxx");

    InternalApi.Answer ended = post(laptop, "/auth/sessions/logout-others");

    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(api.getWith(laptop, "/auth/sessions").json()).as("only the caller's own is left").hasSize(1);
    assertThat(ended.json().path("ended").asInt()).isEqualTo(1);
    assertThat(api.getWith(phone, "/auth/me").status()).as("the other session is over").isEqualTo(401);
    assertThat(api.getWith(laptop, "/auth/me").status()).as("the caller's stays").isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private InternalApi.Answer post(String token, String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      return new InternalApi.Answer(response.statusCode(), "", response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
