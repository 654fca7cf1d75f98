package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's map, policy view and lists in a real browser against the real server: risky logins from abroad
 * colour their country, an administrator backtests and saves a threshold change (an analyst may backtest only),
 * and the users list is searched and paged.
 */
@DashboardServerTest
@ExtendWith(BrowserExtension.class)
final class ConsoleBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Test
  void riskyLoginsFromAbroadColourTheirCountryOnTheMap(Browser browser) {
    InternalApi api = tenant();
    ConsoleFixtures.bruteForceFrom(api, "BR", 8);
    ConsoleFixtures.bruteForceFrom(api, "DE", 6);
    long fromBrazil = flaggedFrom(api.tenant(), "BR");
    assertThat(fromBrazil).as("the burst was flagged").isPositive();

    signIn(browser, api, "ANALYST", "/admin/#map");

    browser.visible(By.cssSelector("svg.world path[data-country='BR']"));
    String shade = browser.visible(By.cssSelector("svg.world path[data-country='BR']")).getAttribute("class");
    assertThat(shade).as("Brazil is shaded").doesNotContain("level-0");
    assertThat(browser.visible(By.cssSelector("svg.world path[data-country='FR']")).getAttribute("class"))
        .as("a country without flagged logins is not").contains("level-0");
    assertThat(browser.count(By.cssSelector("svg.world path"))).as("every country is drawn").isGreaterThan(150);
    assertThat(browser.textOf(By.xpath("//table[caption='Flagged logins per country']//tr[td[1]='Brazil (BR)']")))
        .as("the table gives the exact numbers").contains("Brazil (BR)");
    assertThat(browser.textOf(By.id("map-total"))).startsWith((fromBrazil + flaggedFrom(api.tenant(), "DE"))
        + " flagged logins");
    browser.screenshot("map");
  }

  @Test
  void administratorBacktestsAThresholdChangeAndSavesIt(Browser browser) {
    InternalApi api = tenant();
    ConsoleFixtures.bruteForceFrom(api, "BR", 8);
    signIn(browser, api, "ADMIN", "/admin/#policy");

    browser.type(By.id("challengeAt"), "95");
    browser.click(By.id("policy-backtest"));
    browser.await(d -> !d.findElement(By.id("policy-error")).getText().isEmpty());
    assertThat(browser.textOf(By.id("policy-error"))).as("above the deny threshold in force (90)")
        .contains("denyAt");

    browser.type(By.id("challengeAt"), "1");
    browser.click(By.id("detector-NEW_DEVICE"));
    browser.click(By.id("policy-backtest"));
    browser.await(d -> d.findElement(By.id("backtest-summary")).getText().startsWith("This change would have"));
    assertThat(browser.textOf(By.id("backtest-summary"))).contains("challenged").contains("stored in the last 7 days");
    browser.scrollTo(By.cssSelector("fieldset:nth-of-type(2)"));
    browser.screenshot("policy");

    browser.click(By.id("policy-save"));
    browser.click(By.id("confirm-yes"));
    browser.await(d -> d.findElement(By.id("policy-status")).getText().startsWith("Saved: version"));
    assertThat(jdbc.sql("SELECT challenge_at FROM tenant_policy WHERE tenant_id = ?").param(api.tenant())
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT disabled_detectors FROM tenant_policy WHERE tenant_id = ?").param(api.tenant())
        .query(String.class).single()).isEqualTo("{NEW_DEVICE}");

    browser.click(By.cssSelector("nav a[href='#audit']"));
    browser.type(By.id("audit-action"), "flags.update");
    browser.click(By.id("audit-search"));
    browser.awaitText(By.cssSelector("main table caption"), "1 entries, newest first");
    browser.screenshot("audit");
  }

  @Test
  void analystMayBacktestThePolicyButNotSaveIt(Browser browser) {
    InternalApi api = tenant();
    signIn(browser, api, "ANALYST", "/admin/#policy");

    browser.type(By.id("denyAt"), "70");
    browser.click(By.id("policy-backtest"));
    browser.visible(By.id("backtest-summary"));

    assertThat(browser.visible(By.id("policy-save")).isEnabled()).as("saving is for administrators").isFalse();
    assertThat(browser.textOf(By.id("policy-save-note"))).startsWith("Only administrators can change the policy");
    assertThat(jdbc.sql("SELECT count(*) FROM tenant_policy WHERE tenant_id = ?").param(api.tenant())
        .query(Long.class).single()).isZero();
  }

  @Test
  void usersAreSearchedByPrefixAndPaged(Browser browser) {
    InternalApi api = tenant();
    for (int i = 0; i < 23; i++) {
      api.registered(String.format("pat%02d-%s@example.test", i, UUID.randomUUID()));
    }
    api.registered("quinn-" + UUID.randomUUID() + "@example.test");
    signIn(browser, api, "ANALYST", "/admin/#users");

    browser.type(By.id("users-q"), "PAT");
    browser.click(By.id("users-search"));
    browser.awaitText(By.id("users-page"), "Page 1 of 2");
    assertThat(browser.textOf(By.cssSelector("main table caption"))).isEqualTo("23 user(s) matching \u201cPAT\u201d");
    assertThat(browser.count(By.cssSelector("main tbody tr"))).isEqualTo(20);
    browser.screenshot("users");

    browser.click(By.id("users-next"));
    browser.awaitText(By.id("users-page"), "Page 2 of 2");
    assertThat(browser.count(By.cssSelector("main tbody tr"))).isEqualTo(3);
    assertThat(browser.visible(By.id("users-next")).isEnabled()).isFalse();
    assertThat(browser.textOf(By.cssSelector("main tbody"))).doesNotContain("quinn-");

    browser.click(By.cssSelector("nav a[href='#sessions']"));
    browser.visible(By.id("sessions-page"));
    browser.screenshot("sessions");
  }

  private InternalApi tenant() {
    return new InternalApi(port, "t-" + UUID.randomUUID(), keys, jdbc);
  }

  /** Registers a staff member with {@code role}, signs them in and opens {@code page}. */
  private void signIn(Browser browser, InternalApi api, String role, String page) {
    String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
    ConsoleFixtures.promote(jdbc, api.registered(email), api.tenant(), role);
    browser.forgetTokens();
    browser.logIn("/admin/", api.tenant(), email, InternalApi.PASSWORD);
    browser.go(page);
  }

  private long flaggedFrom(String tenant, String country) {
    return jdbc.sql("""
            SELECT count(*) FROM login_events e JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = ? AND e.country = ? AND a.decision <> 'ALLOW'""")
        .param(tenant).param(country).query(Long.class).single();
  }
}
