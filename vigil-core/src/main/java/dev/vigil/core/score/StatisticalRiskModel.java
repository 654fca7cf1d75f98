package dev.vigil.core.score;

import dev.vigil.core.profile.Feature;
import dev.vigil.core.profile.LoginFeatures;
import dev.vigil.core.profile.PopulationStats;
import dev.vigil.core.profile.UserProfile;

/**
 * The statistical risk score of Freeman et al. (“Who are you? A statistical approach to measuring user
 * authenticity”, NDSS 2016), as evaluated by Wiefling et al. (ACM TOPS 2022).
 *
 * <p>For a login with feature values x_k by user u, the risk is the likelihood ratio
 * {@code Π_k P(x_k) / P(x_k | u)}: how much more likely the values are under the population (a stand-in for an
 * attacker, who is "anyone") than under this user's own history. We work with its logarithm.
 *
 * <p><b>Smoothing and back-off.</b> {@code P(x | u) = (w_u(x) + α·P(x)) / (W_u + α)}, where w_u are the user's
 * decayed counts: a user with no history has P(x | u) = P(x) and a ratio of 1 (no evidence either way), and an
 * unseen value costs {@code log((W_u + α)/α)}, growing with how much history contradicts it. The hierarchy of
 * the paper (IP → network → AS → country; UA → browser → OS) is kept by scoring each level: a new address in a
 * known network and AS is cheap, because the familiar levels pull the sum down. Levels are weighted by
 * {@link #LEVEL_WEIGHTS} so that correlated levels do not count a single change four times.
 *
 * <p>{@code P(x)} comes from the tenant's {@link PopulationStats} with add-one smoothing.
 */
public final class StatisticalRiskModel {
  private static final double ALPHA = 2.0;
  private static final double PSEUDO_VALUES = 50.0;
  /** Per {@link Feature} ordinal: NETWORK, ASN, COUNTRY, CITY, DEVICE, UA_FAMILY, BROWSER, OS. */
  private static final double[] LEVEL_WEIGHTS = {1.0, 1.0, 1.2, 0.5, 0.8, 0.8, 0.4, 0.4};
  private static final double HOUR_WEIGHT = 0.5;

  private StatisticalRiskModel() {}

  /**
   * The log-likelihood ratio of this login for this user: positive when the login looks more like the
   * population than like the user, 0 without history.
   */
  public static double logRisk(LoginFeatures login, UserProfile profile, PopulationStats population) {
    double sum = 0;
    for (Feature feature : Feature.ALL) {
      int key = login.key(feature);
      double userTotal = profile.total(feature);
      if (key == 0 || userTotal <= 0) {
        continue;
      }
      double p = (population.count(feature, key) + 1.0) / (population.total(feature) + PSEUDO_VALUES);
      p = Math.min(p, 1.0);
      double pu = (profile.weight(feature, key) + ALPHA * p) / (userTotal + ALPHA);
      sum += LEVEL_WEIGHTS[feature.ordinal()] * Math.log(p / pu);
    }
    double hourTotal = profile.hourTotal();
    if (hourTotal > 0 && population.logins() > 0) {
      int h = login.localHour();
      double p = (population.hourCount(h) + 1.0) / (population.logins() + 24.0);
      double near = profile.hourWeight(h) + 0.5 * (profile.hourWeight((h + 23) % 24) + profile.hourWeight((h + 1) % 24));
      double pu = (near / 2.0 + ALPHA * p) / (hourTotal + ALPHA);
      sum += HOUR_WEIGHT * Math.log(p / pu);
    }
    return sum;
  }

  /** The model's probability of attack for a log-risk, by a logistic curve. */
  public static double probability(double logRisk, double center, double scale) {
    return 1.0 / (1.0 + Math.exp(-(logRisk - center) / scale));
  }
}
