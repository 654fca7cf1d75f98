package dev.vigil.simulator.evaluation;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.EngineSettings;
import dev.vigil.core.TenantSettings;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.replay.ReplaySource;
import dev.vigil.core.signal.SignalType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the evaluation: joins events with their labels, assesses them with a fresh engine (or reads a replay's
 * assessments), runs the baselines on the same events, and computes the report. Ablations re-run the engine
 * with one signal type switched off at a time, or without the statistical model.
 */
public final class Evaluator {
  /**
   * What follows a challenged success. In production the owner answers the second factor and the service tells
   * the engine ({@code VigilEngine.confirm}: the login service does it after TOTP, an integrating application
   * through {@code POST /api/v1/assessments/{eventId}/confirm}), so the login then teaches the profile in full;
   * an attacker without the second factor never gets that far. Risk-based authentication is measured the same
   * way in the literature (Wiefling et al.): only logins that passed re-authentication join the history.
   */
  public enum Challenges {
    /** Owners pass their challenges and each is confirmed to the engine; attackers' challenges fail. */
    OWNERS_PASS,
    /** No challenge is ever answered: a challenged login teaches only {@code challengedLearnWeight}. */
    UNANSWERED
  }

  private final List<LoginEvent> events;
  private final Map<String, GroundTruth> truth;
  private final Challenges challenges;

  private Evaluator(List<LoginEvent> events, Map<String, GroundTruth> truth, Challenges challenges) {
    this.events = events;
    this.truth = truth;
    this.challenges = challenges;
  }

  /** This evaluator with another model of what follows a challenge ({@link Challenges#OWNERS_PASS} by default). */
  public Evaluator with(Challenges challenges) {
    return new Evaluator(events, truth, requireNonNull(challenges, "challenges"));
  }

  public Challenges challenges() {
    return challenges;
  }

  /**
   * Loads an event file and its labels (plain or gzip).
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException naming the file and line when a line is malformed or an event has no label
   */
  public static Evaluator load(Path eventsFile, Path labelsFile) throws IOException {
    Map<String, GroundTruth> truth = new HashMap<>();
    try (BufferedReader labels = open(labelsFile)) {
      String line;
      int number = 0;
      while ((line = labels.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          GroundTruth label = GroundTruth.parse(line);
          truth.put(label.eventId(), label);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(labelsFile + ":" + number + ": " + e.getMessage(), e);
        }
      }
    }
    List<LoginEvent> events = new ArrayList<>();
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    try (BufferedReader in = open(eventsFile)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        LoginEvent event;
        try {
          event = reader.read(line);
        } catch (InvalidEventException e) {
          throw new IllegalArgumentException(eventsFile + ":" + number + ": " + e.getMessage(), e);
        }
        if (!truth.containsKey(event.eventId())) {
          throw new IllegalArgumentException(eventsFile + ":" + number + ": event has no label in " + labelsFile);
        }
        events.add(event);
      }
    }
    return new Evaluator(events, truth, Challenges.OWNERS_PASS);
  }

  /**
   * Evaluates a fresh engine with {@code settings} over the events, answering challenges as {@link #challenges()}
   * says.
   */
  public EvaluationReport evaluate(String name, EngineSettings settings, Enricher enricher) {
    VigilEngine engine = VigilEngine.builder().settings(settings).enricher(enricher).build();
    List<Assessment> assessments = new ArrayList<>(events.size());
    for (LoginEvent event : events) {
      Assessment assessment = engine.assess(event);
      assessments.add(assessment);
      if (challenges == Challenges.OWNERS_PASS && assessment.decision() == Decision.CHALLENGE && event.isSuccess()
          && !truth.get(event.eventId()).attack()) {
        engine.confirm(event.tenantId(), event.eventId());
      }
    }
    return report(name, assessments);
  }

  /** Evaluates assessments a replay wrote (one JSON line per event, any order). */
  public EvaluationReport evaluateAssessments(String name, Path assessmentsFile) throws IOException {
    Map<String, Assessment> byEvent = new HashMap<>();
    try (BufferedReader in = open(assessmentsFile)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          try {
            Assessment a = AssessmentJson.read(line);
            byEvent.put(a.eventId(), a);
          } catch (InvalidEventException e) {
            throw new IllegalArgumentException(assessmentsFile + ":" + number + ": " + e.getMessage(), e);
          }
        }
      }
    }
    List<Assessment> assessments = new ArrayList<>(events.size());
    for (LoginEvent event : events) {
      Assessment a = byEvent.get(event.eventId());
      if (a == null) {
        throw new IllegalArgumentException(assessmentsFile + ": no assessment for event " + event.eventId());
      }
      assessments.add(a);
    }
    return report(name, assessments);
  }

  /**
   * The report with each signal type switched off in turn, and with the statistical model off: what each part
   * contributes.
   */
  public List<EvaluationReport> ablation(EngineSettings settings, Enricher enricher) {
    List<EvaluationReport> reports = new ArrayList<>();
    TenantSettings base = settings.tenantDefaults();
    reports.add(evaluate("without the statistical model",
        settings.withTenantDefaults(base.withScoring(base.scoring().withModel(false))), enricher));
    for (SignalType type : SignalType.values()) {
      if (type == SignalType.ANOMALY) {
        continue;
      }
      reports.add(evaluate("without " + type,
          settings.withTenantDefaults(base.withDetection(base.detection().without(type))), enricher));
    }
    return reports;
  }

  public int eventCount() {
    return events.size();
  }

  private EvaluationReport report(String name, List<Assessment> assessments) {
    Baselines baselines = new Baselines();
    List<ScoredEvent> scored = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      LoginEvent event = events.get(i);
      Assessment a = assessments.get(i);
      GroundTruth label = requireNonNull(truth.get(event.eventId()));
      Baselines.Flags flags = baselines.observe(event);
      scored.add(new ScoredEvent(event.tenantId() + '\u0000' + event.userId(), event.isSuccess(), label.attack(),
          label.attackType(), label.attackerModel(), label.campaignId(), a.score(), a.flagged(),
          a.decision() == Decision.CHALLENGE, flags.newIp(), flags.fixedBruteForce()));
    }
    return Evaluation.of(name, scored);
  }

  /** Plain or gzip, recognised by content, exactly as replay reads its input. */
  private static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(ReplaySource.open(file).events(), StandardCharsets.UTF_8),
        1 << 16);
  }

}
