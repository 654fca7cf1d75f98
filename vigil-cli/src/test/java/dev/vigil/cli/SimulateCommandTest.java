package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil simulate} as a user runs it: options in, files and a summary out, exit code 2 on bad input. */
final class SimulateCommandTest {
  @TempDir
  Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int simulate(String... args) {
    CommandLine command = new CommandLine(new SimulateCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void writesEventsAndLabelsAndSummarisesTheRun() throws IOException {
    Path dir = temp.resolve("run");

    int exit = simulate("--seed", "7", "--users", "200", "--days", "7", "--out", dir.toString());

    assertThat(exit).isZero();
    List<String> events = Files.readAllLines(dir.resolve("events.jsonl"));
    List<String> labels = Files.readAllLines(dir.resolve("labels.jsonl"));
    assertThat(events).isNotEmpty().hasSameSizeAs(labels);
    assertThat(events.get(0)).startsWith("{\"eventId\":\"e-7-1\"");
    assertThat(out.toString())
        .contains("Simulated " + String.format(java.util.Locale.ROOT, "%,d", events.size()) + " events")
        .contains("200 users in 4 tenants over 7 days (scenario standard, seed 7)")
        .contains("CREDENTIAL_STUFFING").contains("ACCOUNT_TAKEOVER").contains("events/s");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void sameOptionsGiveTheSameFiles() throws IOException {
    simulate("--users", "100", "--days", "5", "--scenario", "HARD", "--out", temp.resolve("a").toString());
    simulate("--users", "100", "--days", "5", "--scenario", "hard", "--out", temp.resolve("b").toString());

    assertThat(Files.readAllBytes(temp.resolve("a/events.jsonl")))
        .isEqualTo(Files.readAllBytes(temp.resolve("b/events.jsonl")));
    assertThat(out.toString()).contains("scenario hard");
  }

  @Test
  void startMovesTheWindow() throws IOException {
    int exit = simulate("--users", "50", "--days", "2", "--start", "2027-01-15T00:00:00Z", "--out", temp.toString());

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(temp.resolve("events.jsonl")))
        .allSatisfy(line -> assertThat(line).containsPattern("\"timestamp\":\"2027-01-1[56]T"));
  }

  @Test
  void rejectsTooFewUsersWithUsageExitCode() {
    int exit = simulate("--users", "3", "--out", temp.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("users must be between 10 and 1000000: 3");
    assertThat(temp.resolve("events.jsonl")).doesNotExist();
  }

  @Test
  void rejectsUnknownScenarioNamingTheChoices() {
    int exit = simulate("--scenario", "medium", "--out", temp.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("'medium' is not a scenario; expected standard or hard");
  }

  @Test
  void rejectsMalformedStart() {
    int exit = simulate("--start", "yesterday", "--out", temp.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("'yesterday' is not an ISO-8601 instant");
  }

  @Test
  void requiresAnOutputDirectory() {
    int exit = simulate("--users", "100");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }

  @Test
  void refusesAFileAsOutputDirectory() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

    int exit = simulate("--users", "10", "--days", "1", "--out", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--out must be a directory");
  }

  @Test
  void helpDescribesTheCommand() {
    int exit = simulate("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: simulate").contains("--scenario").contains("--seed");
  }
}
