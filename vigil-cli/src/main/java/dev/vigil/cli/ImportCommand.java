package dev.vigil.cli;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.format.AdapterContext;
import dev.vigil.core.format.Conversion;
import dev.vigil.core.format.Format;
import dev.vigil.core.format.FormatReader;
import dev.vigil.core.format.UnknownFormatException;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.replay.MalformedLineException;
import dev.vigil.core.replay.ReplayProblem;
import dev.vigil.core.replay.SnapshotFile;
import dev.vigil.core.siem.AssessmentFormatter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vigil import}: reads identity providers' exports and logs (Keycloak, Auth0, Okta, CloudTrail, sshd, OCSF),
 * maps them to login events and assesses them as {@code vigil replay} does — or, with {@code --convert-only},
 * writes the events as Vigil's JSON lines for later replays or {@code POST /api/v1/events}.
 *
 * <p>Vendor exports are often newest first (Auth0's and Keycloak's APIs are): the events of all files are put in
 * event-time order (stable, so equal times keep their input order) before the engine sees them, since the engine
 * learns in event time.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
        "Map vendor login events to Vigil's contract and assess them (or only convert them).",
        "Records that are not logins (logouts, token exchanges, other sshd lines) are skipped and counted;",
        "malformed records are reported with file and line."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:imported", "1:runtime failure", "2:usage error", "3:a malformed record under --strict"})
final class ImportCommand implements Callable<Integer> {
  private static final int PROBLEMS_SHOWN = 5;

  @ParentCommand
  private VigilCommand root;

  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "keycloak, auth0, okta, cloudtrail, sshd or ocsf.")
  private String format;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exports or logs, plain or gzip (by content).")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE|-", defaultValue = "-",
      description = "Where to write assessments (or events with --convert-only); - (default) writes stdout.")
  private String out;

  @Option(names = "--convert-only", description = "Write the converted login events (JSONL) instead of assessing.")
  private boolean convertOnly;

  @Option(names = "--tenant", defaultValue = "default", description = "Tenant of the events (default: default).")
  private String tenant;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "Zone of timestamps without one (sshd's syslog lines); default: this machine's zone.")
  private @Nullable ZoneId zone;

  @Option(names = "--reference", paramLabel = "INSTANT",
      description = "'Now' for yearless syslog times (default: each file's modification time).")
  private @Nullable Instant reference;

  @Option(names = "--state", paramLabel = "FILE", description = "Engine snapshot to restore and save, as replay.")
  private @Nullable Path state;

  @Option(names = "--policy", paramLabel = "FILE", description = "Engine settings as JSON.")
  private @Nullable Path policy;

  @Option(names = "--strict", description = "Stop at the first malformed record (exit code 3).")
  private boolean strict;

  @Mixin
  private EnrichmentOptions enrichment = new EnrichmentOptions();

  @Mixin
  private OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws IOException {
    Format chosen;
    try {
      chosen = Format.parse(format);
    } catch (UnknownFormatException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Stdio io = root.stdio();
    Tally tally = new Tally();
    List<LoginEvent> events = new ArrayList<>();
    for (Path file : files) {
      Instant fileReference = reference != null ? reference : Files.getLastModifiedTime(file).toInstant();
      AdapterContext context = new AdapterContext(tenant, zone != null ? zone : ZoneId.systemDefault(),
          fileReference, false);
      for (FormatReader.Entry entry : FormatReader.of(chosen, context).readAll(readAll(file))) {
        if (entry.error() != null) {
          ReplayProblem problem = new ReplayProblem(entry.line(), entry.error().field(),
              file.getFileName() + ": " + entry.error().getMessage());
          if (strict) {
            throw new MalformedLineException(problem, entry.error());
          }
          tally.invalid(problem);
        } else if (entry.conversion() instanceof Conversion.Skipped skipped) {
          tally.skipped(skipped.kind());
        } else if (entry.conversion() instanceof Conversion.Converted converted) {
          events.add(converted.event());
        }
      }
    }
    events.sort(Comparator.comparing(LoginEvent::timestamp));

    boolean toStdout = "-".equals(out);
    PrintStream report = toStdout ? io.err() : io.out();
    try (OutputStream sink = toStdout ? new NonClosing(io.out()) : Files.newOutputStream(create(Path.of(out)))) {
      if (convertOnly) {
        for (LoginEvent event : events) {
          sink.write((LoginEventWriter.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } else {
        assess(io, events, sink, tally);
      }
      sink.flush();
    }
    report.print(tally.render(chosen, events.size(), convertOnly));
    if (!convertOnly) {
      report.println(enrichment.geoStatus());
    }
    report.flush();
    return 0;
  }

  private void assess(Stdio io, List<LoginEvent> events, OutputStream sink, Tally tally) throws IOException {
    EngineSettings settings = policy == null ? EngineSettings.defaults() : EngineSettings.fromJson(policy);
    VigilEngine.Builder builder = VigilEngine.builder().enricher(enrichment.enricher(io.err())).settings(settings);
    SnapshotFile snapshot = state == null ? null : new SnapshotFile(state);
    VigilEngine engine = snapshot == null ? builder.build() : snapshot.buildEngine(builder);
    AssessmentFormatter formatter = output.formatter(io.env());
    for (LoginEvent event : events) {
      Assessment assessment = engine.assess(event);
      tally.decided(assessment.decision());
      sink.write((formatter.format(assessment, event) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    if (snapshot != null) {
      snapshot.save(engine);
    }
  }

  private static Path create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return file;
  }

  /** The whole file, gunzipped when it starts with gzip's magic bytes (CloudTrail delivers .json.gz). */
  static byte[] readAll(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
      return in.readAllBytes();
    }
  }

  /** Counts what an import did. */
  private static final class Tally {
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<ReplayProblem> problems = new ArrayList<>();
    private final EnumMap<Decision, Long> decisions = new EnumMap<>(Decision.class);
    private long invalid;

    void skipped(String kind) {
      skipped.merge(kind, 1L, Long::sum);
    }

    void invalid(ReplayProblem problem) {
      invalid++;
      if (problems.size() < PROBLEMS_SHOWN) {
        problems.add(problem);
      }
    }

    void decided(Decision decision) {
      decisions.merge(decision, 1L, Long::sum);
    }

    String render(Format format, int events, boolean convertOnly) {
      StringBuilder text = new StringBuilder();
      long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
      text.append(String.format(Locale.ROOT, "Import summary (%s)%n", format.id()));
      text.append(String.format(Locale.ROOT, "  login events      %,10d%n", events));
      text.append(String.format(Locale.ROOT, "  skipped records   %,10d%n", skippedTotal));
      text.append(String.format(Locale.ROOT, "  malformed records %,10d%n", invalid));
      if (!convertOnly) {
        for (Decision decision : Decision.values()) {
          text.append(String.format(Locale.ROOT, "  %-17s %,10d%n", decision, decisions.getOrDefault(decision, 0L)));
        }
      }
      for (Map.Entry<String, Long> kind : skipped.entrySet()) {
        text.append(String.format(Locale.ROOT, "  skipped: %-30s %,8d%n", kind.getKey(), kind.getValue()));
      }
      if (invalid > 0) {
        text.append(String.format(Locale.ROOT, "malformed records: %,d (first %d shown)%n", invalid, problems.size()));
        for (ReplayProblem problem : problems) {
          text.append(String.format(Locale.ROOT, "  line %,d: %s%n", problem.lineNumber(), problem.message()));
        }
      }
      return text.toString();
    }
  }

  /** Lets the command close its sink without closing the caller's stdout. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
