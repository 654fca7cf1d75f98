package dev.vigil.cli;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.replay.ReplaySink;
import dev.vigil.core.siem.OutputFormat;
import dev.vigil.core.replay.ReplaySource;
import dev.vigil.core.replay.ReplaySummary;
import dev.vigil.core.replay.Replayer;
import dev.vigil.core.replay.SnapshotFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil replay}: assesses a JSONL file of login events and writes the assessments as JSONL, then prints a
 * summary. This is how an SRE backtests a policy change or rebuilds profiles from history.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
        "Assess a JSONL file of login events and write one JSONL assessment per valid event, in order.",
        "Malformed lines are skipped and reported with their line numbers (or stop the replay under --strict).",
        "The summary goes to stdout, or to stderr when the assessments do (--out -)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:replayed (malformed lines, if any, are in the summary)",
        "1:runtime failure (unreadable input, unwritable output, corrupt gzip)",
        "2:usage error",
        "3:a malformed line under --strict"})
final class ReplayCommand implements Callable<Integer> {
  private static final String STANDARD_STREAM = "-";
  private static final int PROGRESS_EVERY_LINES = 4096;

  @ParentCommand
  private VigilCommand root;

  @Spec
  private CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE|-",
      description = "Login events, one JSON object per line, plain or gzip (recognised by content); - reads stdin.")
  private String in;

  @Option(names = "--out", required = true, paramLabel = "FILE|-",
      description = "Where to write assessments (JSONL, gzip when FILE ends in .gz); - writes stdout.")
  private String out;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Engine snapshot: restored before the replay if it exists, saved (atomically) after it.")
  private @Nullable Path state;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "Engine settings as JSON; what it leaves out keeps its default.")
  private @Nullable Path policy;

  @picocli.CommandLine.Mixin
  private EnrichmentOptions enrichment = new EnrichmentOptions();

  @picocli.CommandLine.Mixin
  private OutputOptions output = new OutputOptions();

  @Option(names = "--strict", description = "Stop at the first malformed line (exit code 3).")
  private boolean strict;

  @Option(names = {"-q", "--quiet"}, description = "Show no progress.")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    refuseToOverwriteTheInput();
    Stdio io = root.stdio();
    EngineSettings settings = policy == null ? EngineSettings.defaults() : EngineSettings.fromJson(policy);
    VigilEngine.Builder builder = VigilEngine.builder().enricher(enrichment.enricher(io.err())).settings(settings);
    SnapshotFile snapshot = state == null ? null : new SnapshotFile(state);
    boolean restored = snapshot != null && snapshot.exists();
    VigilEngine engine = snapshot == null ? builder.build() : snapshot.buildEngine(builder);

    ProgressDisplay progress = progressDisplay(io);
    Replayer.Builder replay = Replayer.builder(engine, System::nanoTime)
        .strict(strict)
        .progress(progress, PROGRESS_EVERY_LINES);
    if (output.output != OutputFormat.JSONL) {
      replay.output(output.formatter(io.env())); // JSONL keeps the replayer's own, faster writer
    }
    Replayer replayer = replay.build();
    ReplaySummary summary;
    try (ReplaySource source = openSource(io); ReplaySink sink = openSink(io)) {
      summary = replayer.replay(source, sink);
    } finally {
      progress.finish();
    }
    if (snapshot != null) {
      snapshot.save(engine);
    }

    PrintStream report = STANDARD_STREAM.equals(out) ? io.err() : io.out();
    report.print(SummaryTable.render(summary));
    report.printf("%n%s%n", enrichment.geoStatus());
    if (snapshot != null) {
      report.printf(Locale.ROOT, "%nstate: %s %s; %,d profiles saved%n", restored ? "restored from" : "started fresh,",
          snapshot.file(), engine.profileCount());
    }
    report.flush();
    return 0;
  }

  private ProgressDisplay progressDisplay(Stdio io) {
    if (quiet) {
      return ProgressDisplay.SILENT;
    }
    return io.interactive() ? new ProgressBar(io.err(), System::nanoTime) : new ProgressLines(io.err(),
        System::nanoTime);
  }

  private ReplaySource openSource(Stdio io) throws IOException {
    return STANDARD_STREAM.equals(in) ? ReplaySource.of(io.in(), -1) : ReplaySource.open(Path.of(in));
  }

  private ReplaySink openSink(Stdio io) throws IOException {
    return STANDARD_STREAM.equals(out) ? ReplaySink.of(io.out()) : ReplaySink.create(Path.of(out));
  }

  /** Opening the output truncates it: were it the input, the replay would read an empty file and lose it. */
  private void refuseToOverwriteTheInput() throws IOException {
    if (STANDARD_STREAM.equals(in) || STANDARD_STREAM.equals(out)) {
      return;
    }
    Path input = Path.of(in);
    Path output = Path.of(out);
    boolean same = Files.exists(output) && Files.exists(input)
        ? Files.isSameFile(input, output)
        : input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
    if (same) {
      throw new ParameterException(spec.commandLine(), "--out must not be the --in file: " + out);
    }
  }
}
