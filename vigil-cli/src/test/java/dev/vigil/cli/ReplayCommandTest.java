package dev.vigil.cli;

import static dev.vigil.cli.Run.vigil;
import static dev.vigil.cli.Run.vigilWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReplayCommandTest {
  private static final String MISSING_USER = "{\"eventId\":\"no-user\",\"tenantId\":\"acme\","
      + "\"timestamp\":\"2026-10-01T08:15:30Z\",\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69.160\"}";

  @TempDir Path dir;

  @Test
  void replaysAFileIntoAFileAndPrintsTheSummaryToStdout() throws IOException {
    Path events = events(login("e-1"), MISSING_USER, login("e-3"));
    Path out = dir.resolve("assessments.jsonl");

    Run run = vigil("replay", "--in", events.toString(), "--out", out.toString(), "--quiet");

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readAllLines(out)).map(AssessmentJson::read).extracting(Assessment::eventId)
        .containsExactly("e-1", "e-3");
    assertThat(run.out()).contains("Replay summary", "events read", "ALLOW", "malformed lines: 1",
        "line 2: userId: is required");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void readsStdinAndWritesStdoutKeepingTheSummaryOnStderr() {
    String stdin = login("e-1") + "\n" + login("e-2") + "\n";

    Run run = vigilWith(stdin, Map.of(), "replay", "--in", "-", "--out", "-", "--quiet");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).map(AssessmentJson::read).extracting(Assessment::eventId)
        .containsExactly("e-1", "e-2");
    assertThat(run.err()).contains("Replay summary", "assessed");
  }

  @Test
  void strictReplayExitsWithThreeAndOneLineNamingTheBadLine() throws IOException {
    Path events = events(login("e-1"), MISSING_USER);

    Run run = vigil("replay", "--in", events.toString(), "--out", dir.resolve("out.jsonl").toString(), "--strict",
        "--quiet");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "vigil replay: line 2 is malformed: userId: is required and must not be blank" + System.lineSeparator());
  }

  @Test
  void aMissingInputIsOneClearLineAndExitCodeOne() {
    Path missing = dir.resolve("nowhere.jsonl");

    Run run = vigil("replay", "--in", missing.toString(), "--out", dir.resolve("out.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly("vigil replay: no such file: " + missing);
  }

  @Test
  void verboseAddsTheStackTrace() {
    Path missing = dir.resolve("nowhere.jsonl");

    Run run = vigil("-v", "replay", "--in", missing.toString(), "--out", dir.resolve("out.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no such file", "java.nio.file.NoSuchFileException", "\tat ");
  }

  @Test
  void vigilDebugInTheEnvironmentAddsTheStackTraceToo() {
    Run run = vigilWith("", Map.of("VIGIL_DEBUG", "1"), "replay", "--in", dir.resolve("x").toString(), "--out",
        "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    Run run = vigil("replay", "--out", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--in=FILE|-'");
  }

  @Test
  void refusesToWriteOverItsOwnInput() throws IOException {
    Path events = events(login("e-1"));

    Run run = vigil("replay", "--in", events.toString(), "--out", events.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out must not be the --in file");
    assertThat(Files.readString(events)).contains("e-1");
  }

  @Test
  void savesTheEngineStateAfterwardsWhenAskedTo() throws IOException {
    Path events = events(login("e-1"));
    Path state = dir.resolve("state/engine.snapshot");

    Run run = vigil("replay", "--in", events.toString(), "--out", dir.resolve("out.jsonl").toString(), "--state",
        state.toString(), "--quiet");

    assertThat(run.exitCode()).isZero();
    assertThat(state).exists();
    assertThat(run.out()).contains("state: started fresh, " + state);
  }

  @Test
  void reportsPlainProgressLinesWhenNotOnATerminal() throws IOException {
    Path events = events(login("e-1"), login("e-2"));

    Run run = vigil("replay", "--in", events.toString(), "--out", dir.resolve("out.jsonl").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).startsWith("replay: 2 events (100%), ").doesNotContain("\r");
  }

  @Test
  void helpDocumentsEveryOptionAndTheExitCodes() {
    Run run = vigil("replay", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--in=FILE|-", "--out=FILE|-", "--state=FILE", "--policy=FILE", "--strict",
        "--quiet", "Exit codes:", "3   a malformed line under --strict");
  }

  private Path events(String... lines) throws IOException {
    return Files.writeString(dir.resolve("events.jsonl"), String.join("\n", lines) + "\n");
  }

  private static String login(String eventId) {
    return "{\"eventId\":\"" + eventId + "\",\"tenantId\":\"acme\",\"userId\":\"alice\","
        + "\"timestamp\":\"2026-10-01T08:15:30Z\",\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69.160\"}";
  }
}
