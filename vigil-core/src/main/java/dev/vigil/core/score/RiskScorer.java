package dev.vigil.core.score;

import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.PopulationStats;
import dev.vigil.core.profile.UserProfile;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Combines the detectors' signals and the statistical model into one 0–100 score (see {@link ScoringSettings}
 * for the formula). The model's verdict becomes an ANOMALY signal when it carries weight, so that every point
 * of the score is explained by a listed signal.
 */
public final class RiskScorer {
  /** Below this the model's probability is noise and is not listed. */
  private static final double MODEL_LISTING_FLOOR = 0.05;

  private RiskScorer() {}

  /**
   * Scores one login.
   *
   * @param raised the detectors' signals (unweighted)
   * @param profile the user's profile before the login, {@code null} for unknown users
   * @param forestScore the tenant's Isolation Forest score of the login, NaN when there is none
   * @param challengesConfirmed whether the tenant's challenges have been seen confirmed (see
   *     {@link ScoringSettings#matureHistoryUnconfirmed})
   */
  public static Score score(List<Signal> raised, LoginFeatures login, @Nullable UserProfile profile,
      PopulationStats population, double forestScore, ScoringSettings settings, boolean challengesConfirmed) {
    List<Signal> weighted = new ArrayList<>(raised.size() + 1);
    double keep = 1.0;
    // A young profile has not yet seen the user's second device or their phone's carrier, so those count in
    // proportion to its history — but those variants live where the user lives: in a country the profile has
    // never seen, nothing about the login is the user's, and the novelty counts in full.
    boolean newCountry = false;
    for (Signal signal : raised) {
      newCountry |= signal.type() == SignalType.NEW_COUNTRY;
    }
    double maturity = profile == null || newCountry ? 1
        : settings.maturity(profile.successes(), challengesConfirmed);
    for (Signal signal : raised) {
      double w = settings.weight(signal.type(), signal.severity());
      if (scalesWithHistory(signal.type())) {
        w *= maturity;
      }
      weighted.add(signal.withWeight(w));
      keep *= 1 - w;
    }
    if (settings.modelEnabled() && profile != null && profile.successes() > 0) {
      double logRisk = StatisticalRiskModel.logRisk(login, profile, population);
      double p = StatisticalRiskModel.probability(logRisk, settings.modelCenter(), settings.modelScale());
      if (p >= MODEL_LISTING_FLOOR) {
        Severity severity = p >= 0.8 ? Severity.HIGH : p >= 0.4 ? Severity.MEDIUM : Severity.LOW;
        weighted.add(new Signal(SignalType.ANOMALY, severity, Math.min(0.99, p), 
            "login " + Math.round(Math.exp(Math.min(logRisk, 30))) + "× more typical of the population than of this user"));
        keep *= 1 - Math.min(0.99, p);
      }
    }
    double forest = settings.forest().probability(forestScore);
    if (forest >= MODEL_LISTING_FLOOR) {
      Severity severity = forest >= 0.4 ? Severity.MEDIUM : Severity.LOW;
      weighted.add(new Signal(SignalType.ANOMALY, severity, forest, 
          "isolation forest: unlike this tenant's usual logins (anomaly score " + Math.round(forestScore * 100) / 100.0 + ")"));
      keep *= 1 - forest;
    }
    weighted.sort(Comparator.comparingDouble(Signal::weight).reversed());
    int score = (int) Math.round(100 * (1 - keep));
    return new Score(Math.max(0, Math.min(100, score)), weighted);
  }

  private static boolean scalesWithHistory(SignalType type) {
    return switch (type) {
      case NEW_IP, NEW_NETWORK, NEW_ASN, NEW_CITY, NEW_DEVICE, UNUSUAL_HOUR -> true;
      case NEW_COUNTRY, IMPOSSIBLE_TRAVEL, BRUTE_FORCE, PASSWORD_SPRAY, CREDENTIAL_STUFFING, SUCCESS_AFTER_FAILURES,
          ANONYMIZER, HOSTING_NETWORK, BLOCKLISTED_IP, SCRIPTED_CLIENT, ANOMALY -> false;
    };
  }

  /**
   * A score and the weighted signals that explain it, strongest first.
   *
   * @param value 0..100
   * @param signals the signals with their weights
   */
  public record Score(int value, List<Signal> signals) {
    public Score {
      signals = List.copyOf(signals);
    }
  }
}
