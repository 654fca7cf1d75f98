package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
  @Test
  void measuresASimulatedWorldAndWritesTheReportAndTheRocPlot(@TempDir Path dir) throws Exception {
    assertThat(new CommandLine(new SimulateCommand())
        .execute("--seed", "3", "--users", "300", "--days", "14", "--out", dir.toString())).isZero();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, Map.of());

    int code = VigilCommand.execute(stdio, "evaluate", "--events", dir.resolve("events.jsonl").toString(),
        "--labels", dir.resolve("labels.jsonl").toString(), "--out", dir.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("AUC (successful logins)", "baseline: new IP", "campaigns flagged within 20");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.get("auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(report.get("events").asLong()).isEqualTo(Files.lines(dir.resolve("events.jsonl")).count());
    byte[] png = Files.readAllBytes(dir.resolve("roc.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void aMissingLabelsFileIsAClearError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("events.jsonl"), "");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(System.in, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, Map.of());

    int code = VigilCommand.execute(stdio, "evaluate", "--events", dir.resolve("events.jsonl").toString(),
        "--labels", dir.resolve("nope.jsonl").toString());

    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.jsonl");
  }
}
