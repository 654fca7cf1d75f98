package dev.vigil.cli;

import static dev.vigil.cli.Run.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.AssessmentJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil import} and {@code vigil tail} on real files. */
final class ImportAndTailCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Ten wrong passwords from one address at root, then root's own login from home: a classic sshd morning. */
  private Path bruteForceLog() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add("Nov 2" + i + " 08:00:00 bastion sshd[10" + i + "]: Accepted password for root from 81.2.69.160 port "
          + (50000 + i) + " ssh2");
    }
    for (int i = 0; i < 10; i++) {
      lines.add(String.format("Nov 23 13:%02d:00 bastion sshd[2%02d]: Failed password for root from 203.0.113.50 port %d ssh2",
          i, i, 40000 + i));
    }
    lines.add("Nov 23 13:20:00 bastion sshd[300]: Disconnected from authenticating user root 203.0.113.50 port 1 [preauth]");
    lines.add("garbage that is no syslog");
    Path log = dir.resolve("auth.log");
    Files.write(log, lines);
    return log;
  }

  @Test
  void importAssessesSshdLinesAndReportsSkippedAndMalformedOnes() throws IOException {
    Path log = bruteForceLog();
    Path out = dir.resolve("assessments.jsonl");

    Run run = vigil("import", "--format", "sshd", "--tenant", "bastion", "--zone", "UTC",
        "--reference", "2026-11-23T14:00:00Z", "--out", out.toString(), log.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(13);
    assertThat(lines).map(AssessmentJson::read).last()
        .satisfies(a -> assertThat(a.decision().name()).isNotEqualTo("ALLOW"))
        .satisfies(a -> assertThat(a.signalTypes().toString()).contains("BRUTE_FORCE"));
    assertThat(run.out()).contains("Import summary (sshd)", "login events", "13", "skipped: sshd other",
        "malformed records: 1", "line 15: auth.log: $: not a syslog line", "geo: ");
  }

  @Test
  void convertOnlyWritesContractEventsInEventTimeOrder() throws IOException {
    // Auth0's API lists the newest first; the events come out oldest first.
    Path export = dir.resolve("auth0.json");
    Files.writeString(export, """
        [{"log_id":"2","date":"2026-11-20T10:05:00Z","type":"fp","ip":"192.0.2.7","user_name":"a@x"},
         {"log_id":"1","date":"2026-11-20T10:00:00Z","type":"s","ip":"192.0.2.7","user_name":"a@x"},
         {"log_id":"0","date":"2026-11-20T09:00:00Z","type":"sapi","ip":"192.0.2.7"}]
        """);
    Path out = dir.resolve("events.jsonl");

    Run run = vigil("import", "--format", "auth0", "--convert-only", "--tenant", "acme", "--out", out.toString(),
        export.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    assertThat(Files.readAllLines(out)).map(reader::read)
        .extracting(e -> e.eventId() + "/" + e.tenantId() + "/" + e.outcome())
        .containsExactly("1/acme/SUCCESS", "2/acme/FAILURE");
    assertThat(run.out()).contains("skipped: auth0 type sapi");
  }

  @Test
  void importReadsGzippedCloudTrailFilesAndWritesOcsfFindings() throws IOException {
    Path file = dir.resolve("111122223333_CloudTrail_us-east-1_20261120T0800Z_abc.json.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write("""
          {"Records":[{"eventName":"ConsoleLogin","eventID":"ct-1","eventTime":"2026-11-20T08:00:00Z",
           "sourceIPAddress":"192.0.2.9","userIdentity":{"type":"IAMUser","userName":"alice"},
           "responseElements":{"ConsoleLogin":"Success"}}]}
          """.getBytes(StandardCharsets.UTF_8));
    }

    Run run = vigil("import", "--format", "cloudtrail", "--output", "ocsf", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode finding = JSON.readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(finding.path("class_uid").asInt()).isEqualTo(2004);
    assertThat(finding.path("metadata").path("uid").asText()).isEqualTo("ct-1");
    assertThat(run.err()).contains("Import summary (cloudtrail)");
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    Run run = vigil("import", "--format", "splunk", bruteForceLog().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown format 'splunk'; known formats: keycloak, auth0");
  }

  @Test
  void replayWritesCefWhenAsked() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{\"eventId\":\"e-1\",\"tenantId\":\"t\",\"userId\":\"u\",\"timestamp\":\"2026-11-20T10:00:00Z\","
        + "\"outcome\":\"SUCCESS\",\"ip\":\"192.0.2.1\"}\n");

    Run run = vigil("replay", "--in", events.toString(), "--out", "-", "--output", "cef", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("CEF:0|Vigil|Vigil|").contains("externalId=e-1", "suser=u", "src=192.0.2.1");
  }

  @Test
  void tailExplainsEachRiskyLoginOnItsOwnLine() throws IOException {
    Path log = bruteForceLog();

    Run run = vigil("tail", "--format", "sshd", "--zone", "UTC", "--from-start", "--once", log.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
        "20\\d\\d-11-23T13:\\d\\d:00Z (CHALLENGE|DENY) score \\d+ [A-Z]+: root FAILURE \\(BAD_PASSWORD\\) from 203\\.0\\.113\\.50: .*"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("BRUTE_FORCE"));
    assertThat(run.err()).contains("following " + log, "line 15 skipped: $: not a syslog line");
  }

  @Test
  void tailWritesSyslogLinesWhenAsked() throws IOException {
    Run run = vigil("tail", "--format", "sshd", "--zone", "UTC", "--from-start", "--once", "--output", "syslog",
        bruteForceLog().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("<8[0-6]>1 20\\d\\d-11-23T13:\\d\\d:00(\\.\\d{3})?Z \\S+ vigil - (CHALLENGE|DENY) \\[vigil@32473 .*"));
  }
}
