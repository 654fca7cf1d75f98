package dev.vigil.simulator.evaluation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The measured detection quality of one run. Rates are fractions (0..1); TPR and FPR are over successful logins
 * (a failed attack attempt did no harm; campaigns are judged separately by how soon they were flagged).
 *
 * @param name what ran: {@code vigil}, or an ablation such as {@code vigil without NEW_DEVICE}
 * @param events events evaluated
 * @param attackSuccesses successful logins by attackers (the positives)
 * @param legitSuccesses successful logins by their owners (the negatives)
 * @param auc area under the ROC curve of the score over successful logins
 * @param atDecision TPR and FPR when CHALLENGE or DENY counts as flagged
 * @param atOnePercentFpr the best TPR whose score threshold keeps FPR at or below 1%
 * @param atTwoPercentFpr likewise at 2%
 * @param byAttackerModel TPR at the engine's decisions per attacker model (successful takeovers)
 * @param byAttackType TPR at the engine's decisions per attack type (successful attack logins)
 * @param campaigns each campaign and the attempt at which it was first flagged
 * @param burden what legitimate users paid
 * @param baselines the baselines on the same events
 * @param roc the ROC curve as (fpr, tpr) points, from the strictest threshold to the loosest
 */
public record EvaluationReport(
    String name,
    long events,
    long attackSuccesses,
    long legitSuccesses,
    double auc,
    Rates atDecision,
    ThresholdRates atOnePercentFpr,
    ThresholdRates atTwoPercentFpr,
    Map<String, Rate> byAttackerModel,
    Map<String, Rate> byAttackType,
    List<Campaign> campaigns,
    Burden burden,
    Map<String, Rates> baselines,
    List<double[]> roc) {

  /** True and false positive rates. */
  public record Rates(double tpr, double fpr, long truePositives, long falsePositives) {}

  /** Rates at a score threshold. */
  public record ThresholdRates(int threshold, double tpr, double fpr) {}

  /** A detection rate over a group. */
  public record Rate(long flagged, long total, double rate) {}

  /**
   * A campaign's detection delay.
   *
   * @param firstFlaggedAttempt 1-based index of the first attempt flagged, null when none was
   */
  public record Campaign(String id, String type, int attempts, @Nullable Integer firstFlaggedAttempt,
      @Nullable Integer firstFlaggedByFixedBruteForce) {}

  /**
   * The re-authentication burden on legitimate users.
   *
   * @param challengedShare share of legitimate successful logins challenged
   * @param deniedShare share of legitimate successful logins denied
   * @param usersChallengedShare share of legitimate users challenged at least once
   * @param challengesPerUser challenges per legitimate user over the run
   */
  public record Burden(double challengedShare, double deniedShare, double usersChallengedShare,
      double challengesPerUser) {}
}
