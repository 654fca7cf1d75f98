package dev.vigil.server.notify;

import static dev.vigil.server.notify.NotifyTestServers.SECURITY_TEAM;
import static dev.vigil.server.notify.NotifyTestServers.SLACK;
import static dev.vigil.server.notify.NotifyTestServers.SMTP;
import static dev.vigil.server.notify.NotifyTestServers.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.VigilServer;
import dev.vigil.server.access.ApiKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Chaos drills: channels go down while alerts are produced, dispatchers run side by side, an instance stops in
 * the middle of dispatching. After recovery every alert is delivered exactly once, in order per user, none lost.
 */
@NotifyServerTest
final class OutboxChaosTests {
  private static final Pattern ALERT_IN_MAIL = Pattern.compile("Alert (\\d+), event");
  /** Places an attacker might log in from, one new country each. */
  private static final List<String[]> ABROAD = List.of(
      new String[] {"203.0.113.9", "{\"country\":\"BR\",\"city\":\"Sao Paulo\",\"asn\":28573}"},
      new String[] {"198.51.100.20", "{\"country\":\"US\",\"city\":\"Dallas\",\"asn\":7018}"},
      new String[] {"192.0.2.44", "{\"country\":\"JP\",\"city\":\"Tokyo\",\"asn\":2516}"},
      new String[] {"203.0.113.200", "{\"country\":\"AU\",\"city\":\"Sydney\",\"asn\":1221}"});

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  OutboxDispatcher dispatcher;

  @Autowired
  MutableClock clock;

  @Autowired
  ApplicationContext context;

  private final String tenant = "t-" + UUID.randomUUID();
  private final String prefix = "dave-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void everythingBackUp() {
    WEBHOOK.bringBack();
    WEBHOOK.respondAfter(0);
    SLACK.respondAfter(0);
    clock.advance(Duration.ofHours(1));
    dispatcher.drain();
  }

  @Test
  void deliversEveryAlertExactlyOnceInOrderPerUserAfterTheWebhookAndSmtpWereDown() {
    Logins logins = new Logins(keys, port, tenant);
    List<String> users = users(4);
    users.forEach(logins::habitual);
    WEBHOOK.takeDown();
    SMTP.stop();
    try {
      for (int round = 0; round < ABROAD.size(); round++) {
        for (String user : users) {
          String[] place = ABROAD.get(round);
          logins.send(user, user + "-abroad-" + round, Instant.parse("2026-10-20T09:00:00Z").plus(Duration.ofDays(round)),
              "SUCCESS", place[0], "curl/8.5.0", place[1]);
        }
        dispatcher.drain();
        clock.advance(Duration.ofMinutes(3));
      }
      assertThat(WEBHOOK.acceptedWith(tenant)).isEmpty();
      assertThat(WEBHOOK.refusedWith(tenant)).isNotEmpty();
    } finally {
      WEBHOOK.bringBack();
      SMTP.start();
    }
    for (int i = 0; i < 40 && pending() > 0; i++) {
      clock.advance(Duration.ofMinutes(16));
      dispatcher.drain();
    }

    assertThat(pending()).isZero();
    for (String user : users) {
      List<Long> alerts = alertIds(user);
      assertThat(alerts).as("alerts of " + user).hasSizeGreaterThanOrEqualTo(2);
      assertThat(webhookAlertIds(user)).as("webhook, in order, once each").isEqualTo(alerts);
    }
    List<Long> mailed = SMTP.to(SECURITY_TEAM).stream().map(Mails::text).filter(t -> t.contains(tenant))
        .map(OutboxChaosTests::alertIdIn).sorted().toList();
    assertThat(mailed).as("security team mail, once each").isEqualTo(allAlertIds());
    assertThat(deadOrSkipped()).isZero();
  }

  @Test
  void twoDispatchersOnOneDatabaseDeliverEachMessageOnce(@Autowired Outbox outbox, @Autowired List<Sender> senders,
      @Autowired NotificationPreferences preferences, @Autowired NotifyMetrics metrics,
      @Autowired NotifySettings settings, @Autowired PlatformTransactionManager transactions) throws Exception {
    Logins logins = new Logins(keys, port, tenant);
    List<String> users = users(24);
    users.forEach(logins::habitual);
    users.forEach(u -> logins.fromAbroad(u, u + "-away", Instant.parse("2026-10-20T09:00:00Z")));
    WEBHOOK.respondAfter(5);
    OutboxDispatcher other = new OutboxDispatcher(outbox, senders, preferences, metrics, settings, clock,
        transactions);

    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> untilNothingPending(dispatcher));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> untilNothingPending(other));
    CompletableFuture.allOf(first, second).get();

    List<String> deliveries = WEBHOOK.acceptedWith(tenant).stream().map(RecordingEndpoint.Request::deliveryId).toList();
    assertThat(deliveries).hasSize(users.size()).doesNotHaveDuplicates();
    assertThat(SLACK.acceptedWith(tenant)).hasSize(users.size());
    assertThat(jdbc.sql("SELECT DISTINCT status || ' ' || attempts FROM notification_outbox WHERE tenant_id = ?")
        .param(tenant).query(String.class).list()).containsExactly("delivered 1");
    other.destroy();
  }

  @Test
  void aSecondInstanceFinishesWhatAStoppedOneLeftWithoutLosingOrRepeatingAMessage() throws IOException {
    Logins logins = new Logins(keys, port, tenant);
    List<String> users = users(12);
    users.forEach(logins::habitual);
    users.forEach(u -> logins.fromAbroad(u, u + "-away", Instant.parse("2026-10-20T09:00:00Z")));
    long total = jdbc.sql("SELECT count(*) FROM notification_outbox WHERE tenant_id = ? AND kind <> 'page'")
        .param(tenant)
        .query(Long.class).single();
    WEBHOOK.respondAfter(150);
    SLACK.respondAfter(150);

    long deliveredBeforeStop;
    try (ConfigurableApplicationContext instance = secondInstance()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (delivered() < 6 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      instance.close();
      deliveredBeforeStop = delivered();
    }
    assertThat(deliveredBeforeStop).as("stopped mid-dispatch").isBetween(6L, total - 1);
    dispatcher.drain();

    assertThat(delivered()).as(() -> jdbc.sql("SELECT string_agg(channel || ' ' || status || ' ' || attempts || ' '"
        + " || coalesce(last_error, ''), '; ') FROM notification_outbox WHERE tenant_id = ? AND status <> 'delivered'"
        + " AND kind <> 'page'")
        .param(tenant).query(String.class).single()).isEqualTo(total);
    assertThat(WEBHOOK.acceptedWith(tenant)).hasSize(users.size())
        .extracting(RecordingEndpoint.Request::deliveryId).doesNotHaveDuplicates();
    assertThat(SLACK.acceptedWith(tenant)).hasSize(users.size());
    assertThat(jdbc.sql("SELECT max(attempts) FROM notification_outbox WHERE tenant_id = ?").param(tenant)
        .query(Integer.class).single()).isEqualTo(1);
  }

  /**
   * Another server process on the same database, sharing this test's clock and address book, running its own
   * dispatchers.
   */
  private ConfigurableApplicationContext secondInstance() {
    String url = System.getenv("VIGIL_TEST_JDBC_URL");
    if (url == null || url.isBlank()) {
      url = context.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
    }
    return new SpringApplicationBuilder(VigilServer.class)
        .initializers(new NotifyTestServers(true), ctx -> {
          GenericApplicationContext generic = (GenericApplicationContext) ctx;
          generic.registerBean("sharedTestClock", Clock.class, () -> clock, bd -> bd.setPrimary(true));
          generic.registerBean("sharedRecipients", RecipientDirectory.class,
              () -> context.getBean(RecipientDirectory.class), bd -> bd.setPrimary(true));
        })
        .run("--server.port=0", "--spring.datasource.url=" + url,
            "--vigil.privacy.hmac-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==",
            "--vigil.notify.dispatch.workers=1", "--vigil.notify.dispatch.batch-size=2",
            "--spring.flyway.enabled=false");
  }

  private void untilNothingPending(OutboxDispatcher d) {
    while (pending() > 0) {
      d.dispatchOnce();
    }
  }

  private List<String> users(int n) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      users.add(prefix + "-" + i);
    }
    return users;
  }

  private long pending() {
    return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE tenant_id = ? AND status = 'pending'")
        .param(tenant).query(Long.class).single();
  }

  private long delivered() {
    // Without incident response's pages, which its enforcement adds asynchronously.
    return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE tenant_id = ? AND status = 'delivered'"
        + " AND kind <> 'page'")
        .param(tenant).query(Long.class).single();
  }

  private long deadOrSkipped() {
    return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE tenant_id = ? AND status IN ('dead', 'skipped')")
        .param(tenant).query(Long.class).single();
  }

  private List<Long> alertIds(String user) {
    return jdbc.sql("SELECT id FROM security_alerts WHERE tenant_id = ? AND user_id = ? ORDER BY id")
        .param(tenant).param(user).query(Long.class).list();
  }

  private List<Long> allAlertIds() {
    return jdbc.sql("SELECT id FROM security_alerts WHERE tenant_id = ? ORDER BY id")
        .param(tenant).query(Long.class).list();
  }

  private List<Long> webhookAlertIds(String user) {
    return WEBHOOK.acceptedWith(tenant).stream()
        .map(r -> read(r.body()).path("data").path("alert"))
        .filter(a -> a.path("userId").asText().equals(user))
        .map(a -> a.path("alertId").asLong())
        .toList();
  }

  private static long alertIdIn(String mailText) {
    Matcher m = ALERT_IN_MAIL.matcher(mailText);
    if (!m.find()) {
      throw new AssertionError("no alert id in mail");
    }
    return Long.parseLong(m.group(1));
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return Outbox.JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
