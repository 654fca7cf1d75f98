package dev.vigil.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.access.ApiKeys;
import dev.vigil.server.support.InternalApi;
import dev.vigil.server.support.InternalApi.Answer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A user's security page in a real browser against the real server: history, alerts, acknowledging one. */
@DashboardServerTest
@ExtendWith(BrowserExtension.class)
final class AccountPageBrowserTests {
  /** The browser's own address: the user's habitual logins come from the same computer as the browser. */
  private static final String LOCAL_IP = "127.0.0.1";
  private static final String LAPTOP = "dana-laptop";
  private static final String AWAY_IP = "200.160.2.3";
  private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys keys;

  @Test
  void userSeesHerHistoryAndSessionsAndAcknowledgingAnAlertLowersTheUnreadCount(Browser browser) {
    String tenant = "t-" + UUID.randomUUID();
    InternalApi api = new InternalApi(port, tenant, keys, jdbc);
    // Monitor mode: the takeover-looking login below raises its alert but is not enforced (neither challenged nor
    // followed by a freeze), so she can log in afterwards.
    assertThat(api.put("/admin/tenants/" + tenant + "/flags", "{\"mode\":\"monitor\"}").status()).isEqualTo(200);
    String dana = "dana-" + UUID.randomUUID() + "@example.test";
    api.registered(dana);
    for (int i = 0; i < 7; i++) {
      assertThat(api.login(dana, InternalApi.PASSWORD, LOCAL_IP, Browser.USER_AGENT, LAPTOP).status()).isEqualTo(200);
    }
    Answer away = api.login(dana, InternalApi.PASSWORD, AWAY_IP, SAFARI_ON_IPHONE, "unknown-phone");
    assertThat(away.status()).as("let in under monitor mode: " + away.body()).isEqualTo(200);
    assertThat(away.json().path("security_alerts")).as("but it raised an alert").isNotEmpty();

    browser.go("/login.html?next=/account/");
    browser.useDeviceId(LAPTOP);
    browser.logIn("/account/", tenant, dana, InternalApi.PASSWORD);

    browser.await(d -> !d.findElement(By.id("unread-count")).getText().equals("…"));
    int unread = Integer.parseInt(browser.textOf(By.id("unread-count")));
    assertThat(unread).as("the away login's alert is unread").isPositive();
    assertThat(browser.count(By.cssSelector("#history tbody tr"))).as("her 9 attempts, newest first").isEqualTo(9);
    assertThat(browser.textOf(By.cssSelector("#history tbody tr:nth-child(2)"))).contains("200.160.2.xxx");
    browser.await(d -> !d.findElements(By.cssSelector("#sessions tbody tr")).isEmpty());
    assertThat(browser.count(By.cssSelector("#sessions tbody tr"))).as("a session per successful login").isEqualTo(9);
    assertThat(browser.textOf(By.cssSelector("#sessions tbody tr:first-child"))).as("newest first: this browser's")
        .contains("this session");
    browser.screenshot("account");

    browser.click(By.cssSelector("#alerts button.acknowledge"));

    browser.awaitText(By.id("unread-count"), String.valueOf(unread - 1));
    assertThat(api.getWith(browser.accessToken(), "/security/alerts/unread-count").json().path("unread_count").asInt())
        .as("acknowledged on the server").isEqualTo(unread - 1);
  }
}
