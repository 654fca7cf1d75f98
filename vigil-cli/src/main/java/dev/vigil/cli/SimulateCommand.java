package dev.vigil.cli;

import dev.vigil.simulator.AttackType;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.SimulationSettings;
import dev.vigil.simulator.SimulationSummary;
import dev.vigil.simulator.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil simulate}: writes a labelled, deterministic login-traffic simulation (issue 4) as
 * {@code events.jsonl} (the public event contract, no labels) and {@code labels.jsonl} (the ground truth, one
 * line per event in the same order).
 *
 * <p>Exit codes: 0 written, 1 the files could not be written, 2 invalid options (picocli's usage code).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Writes simulated login traffic with ground-truth labels: legitimate users of several tenants plus",
        "credential stuffing, password spraying, brute force, account takeover (naive, VIP, targeted attacker",
        "models), session hijack and anonymizer logins. The same options always give byte-identical files."})
public final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--users", defaultValue = "5000",
      description = "Legitimate users across all tenants, 10 to 1,000,000 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--days", defaultValue = "30", description = "Days to simulate, 1 to 3,650 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--scenario", defaultValue = "standard", converter = ScenarioConverter.class,
      description = "standard or hard: stealthier attackers and noisier users (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(names = "--out", required = true, description = "Directory for events.jsonl and labels.jsonl (created when absent).")
  Path out;

  @Option(names = "--start", defaultValue = "2026-10-01T00:00:00Z", converter = InstantConverter.class,
      description = "First instant of the simulated window, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Override
  public Integer call() {
    SimulationSettings settings = settings();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out must be a directory, but " + out + " is a file");
    }
    long started = System.nanoTime(); // elapsed time for the report only; the simulation never reads a clock
    SimulationSummary summary;
    try {
      summary = Simulator.run(settings, out);
    } catch (IOException e) {
      spec.commandLine().getErr().println("vigil simulate: cannot write to " + out + ": " + e.getMessage());
      return 1;
    }
    report(settings, summary, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private SimulationSettings settings() {
    try {
      return new SimulationSettings(seed, users, days, scenario, start);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid option: " + e.getMessage(), e);
    }
  }

  private void report(SimulationSettings settings, SimulationSummary summary, double seconds) {
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Simulated %,d events: %,d users in %d tenants over %d days (scenario %s, seed %d)%n",
        summary.events(), summary.users(), summary.tenants(), settings.days(),
        settings.scenario().name().toLowerCase(Locale.ROOT), settings.seed());
    stdout.printf(Locale.ROOT, "  legitimate %,d, attack %,d (%,d successful) in %d campaigns%n",
        summary.legitimateEvents(), summary.attackEvents(), summary.successfulAttacks(), summary.campaigns());
    for (Map.Entry<AttackType, Long> entry : summary.attackEventsByType().entrySet()) {
      stdout.printf(Locale.ROOT, "    %-20s %,8d events in %,d campaigns%n", entry.getKey(), entry.getValue(),
          summary.campaignsByType().get(entry.getKey()));
    }
    stdout.printf(Locale.ROOT, "Wrote %s and %s in %.2f s (%,.0f events/s)%n", out.resolve("events.jsonl"),
        out.resolve("labels.jsonl"), seconds, summary.events() / Math.max(seconds, 1e-9));
    stdout.flush();
  }

  /** Accepts {@code standard} and {@code hard} in any case, whatever the enclosing command line's settings. */
  static final class ScenarioConverter implements CommandLine.ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      for (Scenario scenario : Scenario.values()) {
        if (scenario.name().equalsIgnoreCase(value.trim())) {
          return scenario;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a scenario; expected standard or hard");
    }
  }

  /** An ISO-8601 instant such as {@code 2026-10-01T00:00:00Z}. */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant such as 2026-10-01T00:00:00Z");
      }
    }
  }
}
