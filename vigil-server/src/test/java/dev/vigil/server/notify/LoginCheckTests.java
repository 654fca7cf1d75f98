package dev.vigil.server.notify;

import static dev.vigil.server.notify.NotifyTestServers.SMTP;
import static dev.vigil.server.notify.NotifyTestServers.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.access.ApiKeys;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Was this you?": the mail to the user, its two single-use links, and the user's choice of notifications. */
@NotifyServerTest
final class LoginCheckTests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
  NotificationPreferences preferences;

  @Autowired
  RecordingProtection protection;

  @Autowired
  Outbox outbox;

  private final String tenant = "t-" + UUID.randomUUID();
  private final String user = "bob-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void mailsTheUserWasThisYouWithSignedConfirmAndReportLinksInTextAndHtml() {
    MimeMessage mail = loginFromAbroadAndDeliver();

    assertThat(Mails.subject(mail)).isEqualTo("New sign-in to your account: was this you?");
    assertThat(Mails.text(mail)).contains("a country you have not signed in from before")
        .contains("http://vigil.test/notify/confirm/").contains("http://vigil.test/notify/report/");
    assertThat(Mails.html(mail)).contains("href=\"http://vigil.test/notify/confirm/")
        .contains(">No, secure my account</a>");
  }

  @Test
  void confirmingAcknowledgesTheAlertAndASecondClickOfEitherLinkIsAlreadyUsed() throws Exception {
    MimeMessage mail = loginFromAbroadAndDeliver();

    HttpResponse<String> confirmed = get(Mails.linkPath(mail, "confirm"));

    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Thanks for confirming");
    assertThat(jdbc.sql("SELECT acknowledged FROM security_alerts WHERE tenant_id = ?").param(tenant)
        .query(Boolean.class).single()).isTrue();
    HttpResponse<String> again = get(Mails.linkPath(mail, "confirm"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already used");
    assertThat(get(Mails.linkPath(mail, "report")).statusCode()).isEqualTo(409);
    assertThat(countRows("login_reports")).isZero();
  }

  @Test
  void confirmingTeachesTheProfileSoTheSameDeviceAndPlaceAreNoLongerNew() throws Exception {
    logins().habitual(user);
    logins().fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    dispatcher.drain();
    get(Mails.linkPath(mailsToUser().getFirst(), "confirm"));

    logins().fromAbroad(user, "away-again", Instant.parse("2026-10-20T10:00:00Z"));

    String signals = jdbc.sql("SELECT assessment::text FROM assessments WHERE tenant_id = ? AND event_id = 'away-again'")
        .param(tenant).query(String.class).single();
    assertThat(signals).doesNotContain("NEW_COUNTRY").doesNotContain("NEW_DEVICE");
  }

  @Test
  void reportingRecordsTheReportAnnouncesItAndAsksForTheAccountToBeProtected() throws Exception {
    MimeMessage mail = loginFromAbroadAndDeliver();

    HttpResponse<String> reported = get(Mails.linkPath(mail, "report"));
    dispatcher.drain();

    assertThat(reported.statusCode()).isEqualTo(200);
    assertThat(reported.body()).contains("we are on it");
    assertThat(countRows("login_reports")).isEqualTo(1);
    assertThat(WEBHOOK.acceptedWith(tenant)).extracting(r -> Outbox.JSON.readTree(r.body()).path("type").asText())
        .containsExactly("security.alert.created", "security.login.reported");
    assertThat(protection.reportsOf(tenant)).singleElement()
        .satisfies(r -> assertThat(r.eventId()).isEqualTo("away"));
    assertThat(get(Mails.linkPath(mail, "report")).statusCode()).isEqualTo(409);
    assertThat(protection.reportsOf(tenant)).hasSize(1);
  }

  @Test
  void anExpiredLinkSaysSoAndChangesNothing() throws Exception {
    MimeMessage mail = loginFromAbroadAndDeliver();
    clock.advance(Duration.ofDays(7).plusMinutes(1));

    HttpResponse<String> answer = get(Mails.linkPath(mail, "confirm"));

    assertThat(answer.statusCode()).isEqualTo(410);
    assertThat(answer.body()).contains("expired");
    assertThat(jdbc.sql("SELECT acknowledged FROM security_alerts WHERE tenant_id = ?").param(tenant)
        .query(Boolean.class).single()).isFalse();
  }

  @Test
  void anAlteredLinkIsRefused() throws Exception {
    MimeMessage mail = loginFromAbroadAndDeliver();
    String path = Mails.linkPath(mail, "report");
    String altered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");

    HttpResponse<String> answer = get(altered);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(countRows("login_reports")).isZero();
  }

  @Test
  void failedLoginsFromANewDeviceGetNoWasThisYouMail() {
    logins().habitual(user);
    for (int i = 0; i < 6; i++) {
      logins().send(user, "fail-" + i, Instant.parse("2026-10-20T09:00:00Z").plusSeconds(i), "FAILURE",
          "203.0.113.9", "curl/8.5.0", "{\"country\":\"BR\",\"city\":\"Sao Paulo\",\"asn\":28573}");
    }

    dispatcher.drain();

    assertThat(jdbc.sql("SELECT signal_types::text FROM security_alerts WHERE tenant_id = ?").param(tenant)
        .query(String.class).single()).contains("brute_force").contains("new_device");
    assertThat(mailsToUser()).isEmpty();
  }

  @Test
  void aUserWithoutAnAddressIsSkippedNotRetried() {
    String nomail = "nomail-" + user;
    logins().habitual(nomail);
    logins().fromAbroad(nomail, "away", Instant.parse("2026-10-20T09:00:00Z"));

    dispatcher.drain();

    assertThat(jdbc.sql("SELECT status || ' ' || last_error FROM notification_outbox WHERE tenant_id = ? "
        + "AND kind = 'login_check'").param(tenant).query(String.class).single())
        .isEqualTo("skipped no address to send to");
  }

  @Test
  void securityCriticalMailsCannotBeSwitchedOff() {
    assertThatThrownBy(() -> preferences.choose(tenant, user, Topic.SUSPICIOUS_SIGN_IN, false, clock.instant()))
        .isInstanceOf(SecurityCriticalTopicException.class)
        .hasMessageContaining("suspicious_sign_in");
    preferences.choose(tenant, user, Topic.NEW_SIGN_IN, false, clock.instant());

    MimeMessage mail = loginFromAbroadAndDeliver();

    assertThat(Mails.subject(mail)).contains("was this you?");
    assertThat(preferences.wants(tenant, user, Topic.SUSPICIOUS_SIGN_IN)).isTrue();
  }

  @Test
  void theDispatcherSkipsATopicTheUserSwitchedOff() {
    preferences.choose(tenant, user, Topic.NEW_SIGN_IN, false, clock.instant());
    Notice.AlertSummary alert = new Notice.AlertSummary(1, tenant, user, "e-1", "new_device", List.of("new_device"),
        "medium", "a new device", 40, "ALLOW", "2026-10-20T09:00:00Z", "2026-10-20T09:00:01Z");
    outbox.enqueue(new NewMessage(tenant, user, Channel.EMAIL, Topic.NEW_SIGN_IN, new Notice.LoginCheck(alert),
        "test:" + tenant), clock.instant());

    dispatcher.drain();

    assertThat(mailsToUser()).isEmpty();
    assertThat(jdbc.sql("SELECT status || ' ' || last_error FROM notification_outbox WHERE tenant_id = ?")
        .param(tenant).query(String.class).single()).isEqualTo("skipped the user switched off new_sign_in");
  }

  private Logins logins() {
    return new Logins(keys, port, tenant);
  }

  private MimeMessage loginFromAbroadAndDeliver() {
    logins().habitual(user);
    logins().fromAbroad(user, "away", Instant.parse("2026-10-20T09:00:00Z"));
    dispatcher.drain();
    return mailsToUser().getFirst();
  }

  private List<MimeMessage> mailsToUser() {
    return SMTP.to(user + "@mail.test");
  }

  private long countRows(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?").param(tenant).query(Long.class)
        .single();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
