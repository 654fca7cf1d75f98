package dev.vigil.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Each vendor's sample, written from its documented schema, read end to end. */
final class FormatReaderTest {
  private static final AdapterContext ACME =
      new AdapterContext("acme", ZoneOffset.UTC, Instant.parse("2027-01-01T00:05:00Z"), false);

  @Test
  void keycloakLoginAndLoginErrorsMapToSuccessUnknownUserAndBadPassword() throws IOException {
    List<FormatReader.Entry> entries = read(Format.KEYCLOAK, "keycloak-events.json");

    assertThat(entries).hasSize(5);
    LoginEvent login = event(entries.get(0));
    assertThat(login.eventId()).isEqualTo("5b3f2a1e-0c1d-4f7e-9a1b-2c3d4e5f6a70");
    assertThat(login.tenantId()).isEqualTo("acme");
    assertThat(login.userId()).isEqualTo("alice");
    assertThat(login.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(login.timestamp()).isEqualTo(Instant.ofEpochMilli(1795421730000L));
    assertThat(login.ip().canonical()).isEqualTo("81.2.69.160");
    assertThat(login.sessionId()).isEqualTo("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
    assertThat(login.authMethod()).isEqualTo("openid-connect");
    assertThat(login.attributes()).containsEntry("realm", "acme").containsEntry("client", "account-console")
        .containsEntry("source", "keycloak");
    assertThat(entries.get(0).line()).isEqualTo(2);

    LoginEvent unknown = event(entries.get(1));
    assertThat(unknown.userId()).isEqualTo("administrator");
    assertThat(unknown.failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    LoginEvent badPassword = event(entries.get(2));
    assertThat(badPassword.failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(badPassword.ip().canonical()).isEqualTo("2001:db8::17");

    assertThat(skipped(entries.get(3))).isEqualTo("keycloak code_to_token");
    assertThat(skipped(entries.get(4))).isEqualTo("keycloak admin event");
  }

  @Test
  void auth0LogStreamTypesMapToOutcomesAndOtherTypesAreSkipped() throws IOException {
    List<FormatReader.Entry> entries = read(Format.AUTH0, "auth0-logs.jsonl");

    assertThat(entries).hasSize(6);
    LoginEvent success = event(entries.get(0));
    assertThat(success.eventId()).isEqualTo("90020261120100000000000000000000000000000000000001");
    assertThat(success.userId()).isEqualTo("alice@acme.example");
    assertThat(success.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(success.timestamp()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
    assertThat(success.userAgent()).contains("Chrome/142");
    assertThat(Objects.requireNonNull(success.geo()).country()).isEqualTo("GB");
    assertThat(success.geo().city()).isEqualTo("London");
    assertThat(success.geo().lat()).isEqualTo(51.5142);

    assertThat(event(entries.get(1)).failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    LoginEvent unknown = event(entries.get(2));
    assertThat(unknown.failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    assertThat(unknown.userId()).isEqualTo("bob@acme.example");
    assertThat(event(entries.get(3)).failureReason()).isEqualTo(FailureReason.LOCKED);
    assertThat(skipped(entries.get(4))).isEqualTo("auth0 type sapi");

    FormatReader.Entry malformed = entries.get(5);
    assertThat(malformed.line()).isEqualTo(6);
    assertThat(Objects.requireNonNull(malformed.error()).field()).isEqualTo("ip");
  }

  @Test
  void oktaSessionStartMapsOutcomeReasonGeoAndNetwork() throws IOException {
    List<FormatReader.Entry> entries = read(Format.OKTA, "okta-systemlog.json");

    assertThat(entries).hasSize(4);
    LoginEvent success = event(entries.get(0));
    assertThat(success.eventId()).isEqualTo("0f3a2b1c-9d8e-11f0-8a7b-6c5d4e3f2a1b");
    assertThat(success.userId()).isEqualTo("alice@acme.example");
    assertThat(success.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(success.userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0");
    assertThat(success.sessionId()).isEqualTo("102bZDNFfWaQSyEZQuDgWt-uQ");
    var geo = Objects.requireNonNull(success.geo());
    assertThat(geo.country()).as("Okta names countries; the contract wants ISO codes").isEqualTo("DE");
    assertThat(geo.city()).isEqualTo("Berlin");
    assertThat(geo.asn()).isEqualTo(3320L);
    assertThat(geo.lon()).isEqualTo(13.4069);

    LoginEvent badPassword = event(entries.get(1));
    assertThat(badPassword.failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(Objects.requireNonNull(badPassword.geo()).country()).isEqualTo("US");
    assertThat(event(entries.get(2)).failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    assertThat(skipped(entries.get(3))).isEqualTo("okta user.authentication.sso");
  }

  @Test
  void cloudTrailLogFileYieldsConsoleLoginsFromItsRecords() throws IOException {
    List<FormatReader.Entry> entries = read(Format.CLOUDTRAIL, "cloudtrail.json");

    assertThat(entries).hasSize(4);
    LoginEvent success = event(entries.get(0));
    assertThat(success.eventId()).isEqualTo("3fcfb586-0d1a-4c8f-9a5b-7e0c1d2e3f40");
    assertThat(success.userId()).isEqualTo("alice");
    assertThat(success.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(success.authMethod()).isEqualTo("password+mfa");
    assertThat(success.attributes()).containsEntry("account", "111122223333");

    LoginEvent hidden = event(entries.get(1));
    assertThat(hidden.userId()).isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
    assertThat(hidden.failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    LoginEvent root = event(entries.get(2));
    assertThat(root.userId()).isEqualTo("root");
    assertThat(root.failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(skipped(entries.get(3))).isEqualTo("cloudtrail ListBuckets");
  }

  @Test
  void cloudTrailRecordsOnePerLineAreReadToo() {
    String line = "{\"eventName\":\"ConsoleLogin\",\"eventTime\":\"2026-11-20T08:00:00Z\",\"sourceIPAddress\":\"192.0.2.1\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"bob\"},\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
        + "\"errorMessage\":\"Failed authentication\"}\n";
    List<FormatReader.Entry> entries = FormatReader.of(Format.CLOUDTRAIL, ACME)
        .readAll(line.getBytes(StandardCharsets.UTF_8));

    assertThat(entries).singleElement().satisfies(e -> assertThat(event(e).userId()).isEqualTo("bob"));
  }

  @Test
  void sshdLinesTakeTheirYearFromTheReferenceAndSkipOtherLines() throws IOException {
    List<FormatReader.Entry> entries = read(Format.SSHD, "auth-log.txt");

    assertThat(entries).hasSize(10);
    LoginEvent accepted = event(entries.get(0));
    assertThat(accepted.timestamp()).as("a December line read on 1 January is last year's")
        .isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
    assertThat(accepted.userId()).isEqualTo("deploy");
    assertThat(accepted.authMethod()).isEqualTo("publickey");
    assertThat(accepted.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(accepted.attributes()).containsEntry("host", "bastion");

    LoginEvent invalidUser = event(entries.get(1));
    assertThat(invalidUser.timestamp()).isEqualTo(Instant.parse("2027-01-01T00:00:03Z"));
    assertThat(invalidUser.userId()).isEqualTo("admin");
    assertThat(invalidUser.failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    assertThat(event(entries.get(2)).failureReason()).isEqualTo(FailureReason.UNKNOWN_USER);
    LoginEvent badPassword = event(entries.get(3));
    assertThat(badPassword.userId()).isEqualTo("root");
    assertThat(badPassword.failureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(badPassword.ip().canonical()).isEqualTo("203.0.113.50");

    assertThat(skipped(entries.get(4))).isEqualTo("sshd other");
    assertThat(skipped(entries.get(5))).isEqualTo("not sshd");
    assertThat(skipped(entries.get(6))).isEqualTo("sshd failed publickey");

    LoginEvent injected = event(entries.get(7));
    assertThat(injected.ip().canonical()).as("the last 'from' is sshd's own; the name cannot move the blame")
        .isEqualTo("2001:db8::66");
    assertThat(injected.userId()).isEqualTo("x from 10.9.9.9 port 22");

    FormatReader.Entry notSyslog = entries.get(8);
    assertThat(notSyslog.line()).isEqualTo(9);
    assertThat(Objects.requireNonNull(notSyslog.error()).field()).isEqualTo("$");

    LoginEvent rfc3339 = event(entries.get(9));
    assertThat(rfc3339.timestamp()).isEqualTo(Instant.parse("2026-12-31T23:01:00.250Z"));
    assertThat(rfc3339.authMethod()).isEqualTo("password");
  }

  @Test
  void sshdYearlessTimesAreReadInTheGivenZone() {
    AdapterContext berlin = new AdapterContext("acme", ZoneId.of("Europe/Berlin"),
        Instant.parse("2026-07-01T12:00:00Z"), false);
    LoginEvent event = ((Conversion.Converted) FormatReader.of(Format.SSHD, berlin)
        .convertLine("Jun 30 10:00:00 h sshd[1]: Failed password for bob from 192.0.2.1 port 2 ssh2")).event();

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-06-30T08:00:00Z"));
  }

  @Test
  void sameSshdLineGivesTheSameEventId() {
    FormatReader reader = FormatReader.of(Format.SSHD, ACME);
    String line = "Jan  1 00:00:09 bastion sshd[4122]: Failed password for root from 203.0.113.50 port 41240 ssh2";

    assertThat(((Conversion.Converted) reader.convertLine(line)).event().eventId())
        .isEqualTo(((Conversion.Converted) reader.convertLine(line)).event().eventId());
  }

  @Test
  void ocsfLogonsAreReadAndOtherActivitiesAndClassesSkipped() throws IOException {
    List<FormatReader.Entry> entries = read(Format.OCSF, "ocsf-authentication.jsonl");

    assertThat(entries).hasSize(5);
    LoginEvent success = event(entries.get(0));
    assertThat(success.eventId()).isEqualTo("ocsf-evt-1");
    assertThat(success.userId()).isEqualTo("alice");
    assertThat(success.sessionId()).isEqualTo("sess-42");
    assertThat(Objects.requireNonNull(success.geo()).asn()).isEqualTo(20712L);
    assertThat(success.geo().country()).isEqualTo("GB");
    LoginEvent windows = event(entries.get(1));
    assertThat(windows.failureReason()).as("'Unknown user name or bad password' is Windows' wrong password")
        .isEqualTo(FailureReason.BAD_PASSWORD);
    assertThat(skipped(entries.get(2))).isEqualTo("ocsf authentication activity 2");
    assertThat(skipped(entries.get(3))).isEqualTo("ocsf class 4001");
    assertThat(Objects.requireNonNull(entries.get(4).error()).field()).isEqualTo("src_endpoint.ip");
    assertThat(entries.get(4).line()).isEqualTo(5);
  }

  @Test
  void liveIngestRefusesEventsFromTheFuture() {
    AdapterContext live = new AdapterContext("acme", ZoneOffset.UTC, Instant.parse("2026-11-20T10:00:00Z"), true);
    String line = "{\"type\":\"s\",\"date\":\"2026-11-20T10:30:00Z\",\"ip\":\"192.0.2.1\",\"user_name\":\"a\"}";

    assertThatThrownBy(() -> FormatReader.of(Format.AUTH0, live).convertLine(line))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("date"));
  }

  @Test
  void brokenJsonArrayIsReportedAtTheLineOfTheBreak() {
    String body = "[\n{\"type\":\"s\",\"date\":\"2026-11-20T10:00:00Z\",\"ip\":\"192.0.2.1\",\"user_name\":\"a\"},\n{\"type\": ]";
    List<FormatReader.Entry> entries = FormatReader.of(Format.AUTH0, ACME).readAll(body.getBytes(StandardCharsets.UTF_8));

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).isEvent()).isTrue();
    assertThat(entries.get(1).line()).isEqualTo(3);
    assertThat(Objects.requireNonNull(entries.get(1).error()).getMessage()).contains("malformed JSON");
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    assertThatThrownBy(() -> Format.parse("splunk"))
        .isInstanceOf(UnknownFormatException.class)
        .hasMessage("unknown format 'splunk'; known formats: keycloak, auth0, okta, cloudtrail, sshd, ocsf");
    assertThat(Format.parse(" SSHD ")).isEqualTo(Format.SSHD);
  }

  private static List<FormatReader.Entry> read(Format format, String resource) throws IOException {
    try (InputStream in = FormatReaderTest.class.getResourceAsStream(resource)) {
      return FormatReader.of(format, ACME).readAll(Objects.requireNonNull(in, resource).readAllBytes());
    }
  }

  private static LoginEvent event(FormatReader.Entry entry) {
    assertThat(entry.error()).as("entry at line %d", entry.line()).isNull();
    assertThat(entry.conversion()).isInstanceOf(Conversion.Converted.class);
    return ((Conversion.Converted) Objects.requireNonNull(entry.conversion())).event();
  }

  private static String skipped(FormatReader.Entry entry) {
    assertThat(entry.conversion()).isInstanceOf(Conversion.Skipped.class);
    return ((Conversion.Skipped) Objects.requireNonNull(entry.conversion())).kind();
  }
}
