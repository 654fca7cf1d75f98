package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analysts' console in a real browser against the real server: the counters match the database, an analyst
 * handles a takeover-looking incident from the queue to its rollback, and a plain user is shown the 403 view.
 */
@DashboardServerTest
@ExtendWith(BrowserExtension.class)
final class AdminConsoleBrowserTests {
  private static final String INCIDENTS = ConsoleFixtures.INCIDENTS;

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Test
  void analystSeesTheDatabaseCountersAndRollsBackAFalsePositiveTakeover(Browser browser) throws Exception {
    String tenant = "t-" + UUID.randomUUID();
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    String incidentId = ConsoleFixtures.takeoverIncident(api);
    String analyst = "analyst-" + UUID.randomUUID() + "@example.test";
    ConsoleFixtures.promote(jdbc, api.registered(analyst), tenant, "ANALYST");

    browser.forgetTokens();
    browser.go("/admin");
    browser.await(d -> d.getCurrentUrl().contains("/login.html"));
    browser.logIn("/admin/", tenant, analyst, InternalApi.PASSWORD);

    Map<String, String> shown = new LinkedHashMap<>();
    for (String counter : new String[] {"total_users", "total_logins", "flagged_events", "active_sessions"}) {
      shown.put(counter, browser.textOf(By.id("stat-" + counter)));
    }
    assertThat(shown).as("the overview's counters are the database's").isEqualTo(countersInDatabase(tenant));
    browser.visible(By.cssSelector("svg.chart rect"));
    assertThat(browser.textOf(By.id("chart-total"))).startsWith(shown.get("total_logins") + " logins");
    browser.screenshot("overview");

    browser.click(By.cssSelector("nav a[href='#incidents']"));
    browser.click(By.cssSelector("a.incident-link[href='#incidents/" + incidentId + "']"));
    browser.awaitText(By.id("incident-status"), "OPEN");
    assertThat(browser.textOf(By.cssSelector("ul.signals"))).as("signals explained in words")
        .contains("new_device — a device or browser the user has not used");
    browser.screenshot("incident");

    browser.click(By.id("action-false-positive"));
    browser.type(By.id("confirm-note"), "her new phone");
    browser.click(By.id("confirm-yes"));
    browser.awaitText(By.id("incident-status"), "FALSE_POSITIVE");
    browser.click(By.id("action-rollback"));
    browser.click(By.id("confirm-yes"));
    browser.awaitText(By.id("incident-status"), "ROLLED_BACK");

    JsonNode stored = api.get(INCIDENTS + "/" + incidentId).json().path("incident");
    assertThat(stored.path("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(stored.path("rollbackState").asText()).isEqualTo("COMPLETE");
  }

  @Test
  void aUserOpeningTheConsoleIsShownTheForbiddenView(Browser browser) {
    String tenant = "t-" + UUID.randomUUID();
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    String email = "user-" + UUID.randomUUID() + "@example.test";
    api.registered(email);

    browser.logIn("/admin/", tenant, email, InternalApi.PASSWORD);

    assertThat(browser.textOf(By.cssSelector("#forbidden h1"))).isEqualTo("403 — you need the analyst role");
    assertThat(browser.count(By.id("stat-total_users"))).as("no data shown").isZero();
  }

  // --- fixtures ---

  /** The four counters of the seed's admin dashboard, counted here from the tables themselves. */
  private Map<String, String> countersInDatabase(String tenant) {
    Map<String, String> counters = new LinkedHashMap<>();
    counters.put("total_users", count("SELECT count(*) FROM users WHERE tenant_id = ?", tenant));
    counters.put("total_logins", count("SELECT count(*) FROM login_events WHERE tenant_id = ?", tenant));
    counters.put("flagged_events",
        count("SELECT count(*) FROM assessments WHERE tenant_id = ? AND decision <> 'ALLOW'", tenant));
    counters.put("active_sessions", count(
        "SELECT count(*) FROM sessions WHERE tenant_id = ? AND ended_at IS NULL AND expires_at > now()", tenant));
    return counters;
  }

  private String count(String sql, String tenant) {
    return String.valueOf(jdbc.sql(sql).param(tenant).query(Long.class).single());
  }
}
