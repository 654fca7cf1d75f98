package dev.vigil.cli;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.simulator.evaluation.EvaluationReport;
import dev.vigil.simulator.evaluation.Evaluator;
import dev.vigil.simulator.evaluation.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil evaluate}: measures detection quality on labelled events, beside the baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
        "Measure detection quality on labelled events (from 'vigil simulate'): ROC AUC over successful logins,",
        "TPR/FPR at the engine's decisions, TPR at 1%% and 2%% FPR, TPR per attacker model and attack type,",
        "each campaign's first flagged attempt, the challenge burden on legitimate users, and the baselines",
        "'new IP -> challenge' and 'fixed brute force 5/15 min' on the same events.",
        "Writes report.json and roc.png (and ablation.json with --ablation) to --out."})
final class EvaluateCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  VigilCommand root;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "events.jsonl[.gz]")
  Path events;

  @Option(names = "--labels", required = true, paramLabel = "FILE", description = "labels.jsonl[.gz]")
  Path labels;

  @Option(names = "--assessments", paramLabel = "FILE",
      description = "evaluate a replay's assessments instead of running a fresh engine")
  Path assessments;

  @Option(names = "--policy", paramLabel = "FILE", description = "engine settings JSON (docs/configuration.md)")
  Path policy;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write report.json and roc.png (default: beside --events)")
  Path out;

  @picocli.CommandLine.Mixin
  EnrichmentOptions enrichment = new EnrichmentOptions();

  @Option(names = "--unanswered-challenges",
      description = {"assume no challenge is ever answered (a challenged owner's login teaches only",
          "challengedLearnWeight). Default: owners pass their challenges and the login is confirmed to the engine,",
          "as the login service and POST /api/v1/assessments/{eventId}/confirm do; attackers never pass"})
  boolean unansweredChallenges;

  @Option(names = "--ablation", description = "also run with each signal type off, and without the statistical model")
  boolean ablation;

  @Override
  public Integer call() throws Exception {
    Stdio io = root.stdio();
    java.io.PrintStream stdout = io.out();
    EngineSettings settings = policy == null ? EngineSettings.defaults() : EngineSettings.fromJson(policy);
    Enricher enricher = enrichment.enricher(io.err());
    Evaluator evaluator = Evaluator.load(events, labels)
        .with(unansweredChallenges ? Evaluator.Challenges.UNANSWERED : Evaluator.Challenges.OWNERS_PASS);
    EvaluationReport report = assessments == null
        ? evaluator.evaluate(unansweredChallenges ? "vigil, challenges unanswered" : "vigil", settings, enricher)
        : evaluator.evaluateAssessments("vigil (from " + assessments.getFileName() + ")", assessments);
    Path dir = out != null ? out : events.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.json"), ReportFormat.json(report));
    ReportFormat.rocPlot(report, dir.resolve("roc.png"));
    if (assessments == null) {
      stdout.println(unansweredChallenges
          ? "challenges: never answered (challenged owners teach only challengedLearnWeight)"
          : "challenges: owners pass and are confirmed to the engine; attackers fail (--unanswered-challenges to change)");
    }
    stdout.print(ReportFormat.text(report));
    if (ablation) {
      List<EvaluationReport> runs = evaluator.ablation(settings, enricher);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("full", report);
      summary.put("ablations", runs);
      Files.writeString(dir.resolve("ablation.json"), ReportFormat.json(summary));
      stdout.println();
      stdout.print(ReportFormat.ablationTable(report, runs));
    }
    stdout.println("wrote " + dir.resolve("report.json") + " and " + dir.resolve("roc.png"));
    stdout.flush();
    return 0;
  }
}
