package dev.vigil.core.score;

import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.SignalType;
import java.util.EnumMap;
import java.util.Map;

/**
 * How signals become a score, per tenant.
 *
 * <p>Each signal type has a base weight: the probability, on its own, that a login carrying it is an attack
 * worth stopping. Severity scales it (LOW ×0.5, MEDIUM ×1, HIGH ×1.5, capped below 1). Weights combine as a
 * noisy-OR — independent pieces of evidence, each of which could be innocent — together with the statistical
 * model's probability: {@code score = 100 × (1 − (1 − p_model) × Π (1 − w_i))}.
 *
 * @param weights base weight per signal type, 0..1 (types absent from the map weigh nothing)
 * @param modelCenter the model's log-likelihood ratio at which its probability is one half
 * @param modelScale how many log units move the model's probability from one half to about 73%
 * @param modelEnabled whether the statistical model contributes (off for ablation)
 * @param forest how the tenant's Isolation Forest contributes
 * @param matureHistory successful logins after which a user's unfamiliar device, network or hour counts in full;
 *     before that it counts in proportion (a young profile has not yet seen the user's second device or their
 *     phone's carrier), never below a third. New countries always count in full. This applies once the tenant's
 *     challenges are seen being confirmed (a passed second factor fed back), so a young profile's new device costs
 *     its owner one challenge, not one per visit.
 * @param matureHistoryUnconfirmed the same until then — for a tenant whose challenges have not been confirmed
 *     since the engine started (replay, Kafka Streams, an application that never calls confirm), where every
 *     visit of a young profile's new device would be challenged again
 */
public record ScoringSettings(Map<SignalType, Double> weights, double modelCenter, double modelScale,
    boolean modelEnabled, Forest forest, int matureHistory, int matureHistoryUnconfirmed) {

  /**
   * The Isolation Forest's part: an anomaly score {@code s} (about 0.5 ordinary, near 1 anomalous) becomes the
   * probability {@code weight × clamp((s − floor) / span, 0, 1)}.
   *
   * @param enabled whether the forest contributes
   * @param floor scores at or below this add nothing
   * @param span how far above the floor the probability reaches {@code weight}
   * @param weight the largest probability the forest can add
   */
  public record Forest(boolean enabled, double floor, double span, double weight) {
    public Forest {
      if (!(floor > 0 && floor < 1) || !(span > 0) || !(weight >= 0 && weight < 1)) {
        throw new IllegalArgumentException("scoring.forest needs floor in (0,1), span > 0, weight in [0,1)");
      }
    }

    /**
     * Off by default: on the simulator's traffic (docs/EVALUATION.md) the forest added more challenged legitimate
     * logins than caught takeovers at every operating point; the rules and the statistical model already cover
     * what its features see. Switch it on per tenant where an evaluation on the tenant's own history says it helps.
     */
    public static Forest defaults() {
      return new Forest(false, 0.55, 0.2, 0.5);
    }

    /** The probability this forest score adds. */
    public double probability(double score) {
      if (!enabled || Double.isNaN(score)) {
        return 0;
      }
      return weight * Math.max(0, Math.min(1, (score - floor) / span));
    }
  }

  public ScoringSettings {
    EnumMap<SignalType, Double> copy = new EnumMap<>(SignalType.class);
    for (Map.Entry<SignalType, Double> entry : weights.entrySet()) {
      double w = entry.getValue();
      if (!(w >= 0 && w < 1)) {
        throw new IllegalArgumentException("scoring.weights." + entry.getKey() + " must be in [0, 1): " + w);
      }
      copy.put(entry.getKey(), w);
    }
    weights = Map.copyOf(copy);
    java.util.Objects.requireNonNull(forest, "forest");
    if (matureHistory < 1) {
      throw new IllegalArgumentException("scoring.matureHistory must be at least 1: " + matureHistory);
    }
    if (matureHistoryUnconfirmed < 1) {
      throw new IllegalArgumentException(
          "scoring.matureHistoryUnconfirmed must be at least 1: " + matureHistoryUnconfirmed);
    }
    if (!(modelScale > 0)) {
      throw new IllegalArgumentException("scoring.modelScale must be positive: " + modelScale);
    }
  }

  public static ScoringSettings defaults() {
    EnumMap<SignalType, Double> w = new EnumMap<>(SignalType.class);
    w.put(SignalType.NEW_IP, 0.02);
    w.put(SignalType.NEW_NETWORK, 0.12);
    w.put(SignalType.NEW_ASN, 0.15);
    w.put(SignalType.NEW_COUNTRY, 0.30);
    w.put(SignalType.NEW_CITY, 0.05);
    w.put(SignalType.NEW_DEVICE, 0.30);
    w.put(SignalType.UNUSUAL_HOUR, 0.08);
    w.put(SignalType.IMPOSSIBLE_TRAVEL, 0.60);
    w.put(SignalType.BRUTE_FORCE, 0.60);
    w.put(SignalType.PASSWORD_SPRAY, 0.60);
    w.put(SignalType.CREDENTIAL_STUFFING, 0.55);
    w.put(SignalType.SUCCESS_AFTER_FAILURES, 0.35);
    w.put(SignalType.ANONYMIZER, 0.35);
    w.put(SignalType.HOSTING_NETWORK, 0.30);
    w.put(SignalType.BLOCKLISTED_IP, 0.66);
    w.put(SignalType.SCRIPTED_CLIENT, 0.35);
    return new ScoringSettings(w, 8.0, 1.5, true, Forest.defaults(), 5, 10);
  }

  /**
   * How much a user's history vouches for its novelty signals: 1 from {@code matureHistory} successes on (from
   * {@code matureHistoryUnconfirmed} while the tenant's challenges are not seen confirmed), in proportion before,
   * never below a third.
   */
  public double maturity(int successes, boolean challengesConfirmed) {
    int mature = challengesConfirmed ? matureHistory : matureHistoryUnconfirmed;
    return Math.max(1.0 / 3, Math.min(1.0, successes / (double) mature));
  }

  /** The weight of a signal of {@code type} raised at {@code severity}. */
  public double weight(SignalType type, Severity severity) {
    Double base = weights.get(type);
    if (base == null) {
      return 0;
    }
    double factor = switch (severity) {
      case LOW -> 0.5;
      case MEDIUM -> 1.0;
      case HIGH -> 1.5;
    };
    return Math.min(0.99, base * factor);
  }

  /** These settings with the statistical model on or off. */
  public ScoringSettings withModel(boolean enabled) {
    return new ScoringSettings(weights, modelCenter, modelScale, enabled, forest, matureHistory,
        matureHistoryUnconfirmed);
  }

  /** These settings with the Isolation Forest on or off. */
  public ScoringSettings withForest(boolean enabled) {
    return new ScoringSettings(weights, modelCenter, modelScale, modelEnabled,
        new Forest(enabled, forest.floor(), forest.span(), forest.weight()), matureHistory, matureHistoryUnconfirmed);
  }
}
