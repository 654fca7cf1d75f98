package dev.vigil.cli;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.format.AdapterContext;
import dev.vigil.core.format.Conversion;
import dev.vigil.core.format.Format;
import dev.vigil.core.format.FormatReader;
import dev.vigil.core.format.UnknownFormatException;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.replay.SnapshotFile;
import dev.vigil.core.siem.AssessmentFormatter;
import dev.vigil.core.siem.Explanation;
import dev.vigil.core.siem.OutputFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil tail}: follows a log (rotation-safe), assesses each login as its line arrives and prints one line
 * per risky decision saying why — a fail2ban that explains itself. It decides and explains; acting on a decision
 * (a firewall rule) is left to what reads its output.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = {
        "Follow a log file (rotation-safe, like tail -F), assess each login as it arrives, and print one line per",
        "challenged or denied login explaining why. Stop with Ctrl-C."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped (or --once finished)", "1:runtime failure", "2:usage error"})
final class TailCommand implements Callable<Integer> {
  @ParentCommand
  private VigilCommand root;

  @Spec
  private CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "sshd, or a JSON-lines format: keycloak, auth0, okta, cloudtrail, ocsf.")
  private String format;

  @Parameters(index = "0", paramLabel = "FILE", description = "The log to follow, e.g. /var/log/auth.log.")
  private Path file;

  @Option(names = "--tenant", defaultValue = "default", description = "Tenant of the events (default: default).")
  private String tenant;

  @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of syslog times (default: this machine's).")
  private @Nullable ZoneId zone;

  @Option(names = "--from-start", description = "Assess what the file already holds first (default: only new lines).")
  private boolean fromStart;

  @Option(names = "--once", description = "Read what is there, then exit (with --from-start: assess a whole log).")
  private boolean once;

  @Option(names = "--all", description = "Print every assessment, not only challenged and denied ones.")
  private boolean all;

  @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "500", description = "Poll interval (default 500).")
  private long pollMillis;

  @Option(names = "--output", paramLabel = "text|jsonl|ocsf|cef|syslog", defaultValue = "text",
      description = "text (one explanation per line, default), jsonl, ocsf, cef or syslog.")
  private String output;

  @Option(names = "--state", paramLabel = "FILE", description = "Engine snapshot: restored at start, saved at exit.")
  private @Nullable Path state;

  @Option(names = "--policy", paramLabel = "FILE", description = "Engine settings as JSON.")
  private @Nullable Path policy;

  @Mixin
  private EnrichmentOptions enrichment = new EnrichmentOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Stdio io = root.stdio();
    Tail tail = prepare(io, Clock.systemUTC());
    io.err().println("vigil tail: following " + file + " (" + tail.format.id() + "); "
        + enrichment.geoStatus());
    SnapshotFile snapshot = state == null ? null : new SnapshotFile(state);
    Thread saver = null;
    if (snapshot != null && !once) {
      saver = new Thread(() -> save(snapshot, tail.engine, io.err()), "vigil-tail-save");
      Runtime.getRuntime().addShutdownHook(saver);
    }
    try (LogFollower follower = new LogFollower(file, fromStart || once)) {
      do {
        tail.process(follower.poll());
        if (!once) {
          Thread.sleep(Math.max(10, pollMillis));
        }
      } while (!once);
    }
    if (snapshot != null) {
      save(snapshot, tail.engine, io.err());
    }
    return 0;
  }

  private static void save(SnapshotFile snapshot, VigilEngine engine, PrintStream err) {
    try {
      synchronized (engine) {
        snapshot.save(engine);
      }
    } catch (IOException | RuntimeException e) {
      err.println("vigil tail: could not save the state: " + Failures.describe(e));
    }
  }

  Tail prepare(Stdio io, Clock clock) throws IOException {
    Format chosen;
    OutputFormat siem = null;
    try {
      chosen = Format.parse(format);
      if (!"text".equalsIgnoreCase(output)) {
        siem = OutputFormat.parse(output);
      }
    } catch (UnknownFormatException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    EngineSettings settings = policy == null ? EngineSettings.defaults() : EngineSettings.fromJson(policy);
    VigilEngine.Builder builder = VigilEngine.builder().enricher(enrichment.enricher(io.err())).settings(settings);
    VigilEngine engine = state != null && new SnapshotFile(state).exists()
        ? new SnapshotFile(state).buildEngine(builder) : builder.build();
    AssessmentFormatter formatter = siem == null ? null : siem.formatter(
        new dev.vigil.core.siem.OutputContext(versionOrDev(), OutputOptions.hostname(io.env())));
    return new Tail(chosen, engine, formatter, io, clock, zone != null ? zone : ZoneId.systemDefault());
  }

  private static String versionOrDev() {
    String version = TailCommand.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Turns arriving lines into printed decisions; one per command run. */
  final class Tail {
    private final Format format;
    private final VigilEngine engine;
    private final @Nullable AssessmentFormatter formatter;
    private final Stdio io;
    private final Clock clock;
    private final ZoneId zoneId;
    private long lineNumber;

    Tail(Format format, VigilEngine engine, @Nullable AssessmentFormatter formatter, Stdio io, Clock clock,
        ZoneId zoneId) {
      this.format = format;
      this.engine = engine;
      this.formatter = formatter;
      this.io = io;
      this.clock = clock;
      this.zoneId = zoneId;
    }


    void process(java.util.List<String> lines) {
      // A syslog line has no year: each batch takes it from the clock as it reads.
      FormatReader current = FormatReader.of(format, new AdapterContext(tenant, zoneId, clock.instant(), false));
      for (String line : lines) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        Conversion conversion;
        try {
          conversion = current.convertLine(line);
        } catch (InvalidEventException e) {
          io.err().println("vigil tail: " + file + " line " + lineNumber + " skipped: " + e.getMessage());
          continue;
        }
        if (conversion instanceof Conversion.Converted converted) {
          LoginEvent event = converted.event();
          Assessment assessment;
          synchronized (engine) {
            assessment = engine.assess(event);
          }
          if (all || assessment.decision() != Decision.ALLOW) {
            io.out().println(formatter == null
                ? assessment.timestamp() + " " + Explanation.line(assessment, event)
                : formatter.format(assessment, event));
          }
        }
      }
      io.out().flush();
    }
  }
}
