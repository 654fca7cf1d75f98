package dev.vigil.simulator.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes an {@link EvaluationReport} from scored events in time order. */
final class Evaluation {
  private Evaluation() {}

  static EvaluationReport of(String name, List<ScoredEvent> events) {
    long[] positivesByScore = new long[101];
    long[] negativesByScore = new long[101];
    long positives = 0;
    long negatives = 0;
    long tp = 0;
    long fp = 0;
    long newIpTp = 0;
    long newIpFp = 0;
    long bruteTp = 0;
    long bruteFp = 0;
    long challenged = 0;
    long denied = 0;
    Map<String, long[]> byModel = new TreeMap<>();
    Map<String, long[]> byType = new TreeMap<>();
    Map<String, Integer> challengesByUser = new HashMap<>();
    Set<String> legitUsers = new HashSet<>();
    Map<String, List<ScoredEvent>> campaigns = new LinkedHashMap<>();
    for (ScoredEvent e : events) {
      if (e.attack() && e.campaignId() != null) {
        campaigns.computeIfAbsent(e.campaignId(), id -> new ArrayList<>()).add(e);
      }
      if (!e.attack()) {
        legitUsers.add(e.userKey());
      }
      if (!e.success()) {
        continue;
      }
      if (e.attack()) {
        positives++;
        positivesByScore[e.score()]++;
        tp += e.flagged() ? 1 : 0;
        newIpTp += e.newIpFlag() ? 1 : 0;
        bruteTp += e.bruteForceFlag() ? 1 : 0;
        if (e.attackerModel() != null) {
          count(byModel, e.attackerModel(), e.flagged());
        }
        count(byType, e.attackType() == null ? "UNKNOWN" : e.attackType(), e.flagged());
      } else {
        negatives++;
        negativesByScore[e.score()]++;
        fp += e.flagged() ? 1 : 0;
        newIpFp += e.newIpFlag() ? 1 : 0;
        bruteFp += e.bruteForceFlag() ? 1 : 0;
        if (e.challenged()) {
          challenged++;
          challengesByUser.merge(e.userKey(), 1, Integer::sum);
        } else if (e.flagged()) {
          denied++;
        }
      }
    }
    List<double[]> roc = new ArrayList<>();
    roc.add(new double[] {0, 0});
    long cumulativeTp = 0;
    long cumulativeFp = 0;
    double auc = 0;
    EvaluationReport.ThresholdRates at1 = new EvaluationReport.ThresholdRates(101, 0, 0);
    EvaluationReport.ThresholdRates at2 = new EvaluationReport.ThresholdRates(101, 0, 0);
    for (int threshold = 100; threshold >= 0; threshold--) {
      double previousFpr = rate(cumulativeFp, negatives);
      double previousTpr = rate(cumulativeTp, positives);
      cumulativeTp += positivesByScore[threshold];
      cumulativeFp += negativesByScore[threshold];
      double tpr = rate(cumulativeTp, positives);
      double fpr = rate(cumulativeFp, negatives);
      auc += (fpr - previousFpr) * (tpr + previousTpr) / 2; // trapezoids: ties count half, as in rank-sum AUC
      roc.add(new double[] {fpr, tpr});
      if (fpr <= 0.01) {
        at1 = new EvaluationReport.ThresholdRates(threshold, tpr, fpr);
      }
      if (fpr <= 0.02) {
        at2 = new EvaluationReport.ThresholdRates(threshold, tpr, fpr);
      }
    }
    List<EvaluationReport.Campaign> campaignResults = new ArrayList<>();
    for (Map.Entry<String, List<ScoredEvent>> entry : campaigns.entrySet()) {
      List<ScoredEvent> attempts = entry.getValue();
      Integer first = null;
      Integer firstBaseline = null;
      for (int i = 0; i < attempts.size(); i++) {
        if (first == null && attempts.get(i).flagged()) {
          first = i + 1;
        }
        if (firstBaseline == null && attempts.get(i).bruteForceFlag()) {
          firstBaseline = i + 1;
        }
      }
      String type = attempts.getFirst().attackType();
      campaignResults.add(new EvaluationReport.Campaign(entry.getKey(), type == null ? "UNKNOWN" : type,
          attempts.size(), first, firstBaseline));
    }
    int challengedUsers = 0;
    long challenges = 0;
    for (int c : challengesByUser.values()) {
      challengedUsers++;
      challenges += c;
    }
    Map<String, EvaluationReport.Rates> baselines = new LinkedHashMap<>();
    baselines.put("new IP → challenge (seed 000)",
        new EvaluationReport.Rates(rate(newIpTp, positives), rate(newIpFp, negatives), newIpTp, newIpFp));
    baselines.put("fixed brute force 5/15 min (Keycloak, fail2ban)",
        new EvaluationReport.Rates(rate(bruteTp, positives), rate(bruteFp, negatives), bruteTp, bruteFp));
    return new EvaluationReport(name, events.size(), positives, negatives, auc,
        new EvaluationReport.Rates(rate(tp, positives), rate(fp, negatives), tp, fp), at1, at2,
        rates(byModel), rates(byType), campaignResults,
        new EvaluationReport.Burden(rate(challenged, negatives), rate(denied, negatives),
            rate(challengedUsers, legitUsers.size()), legitUsers.isEmpty() ? 0 : challenges / (double) legitUsers.size()),
        baselines, roc);
  }

  private static void count(Map<String, long[]> groups, String key, boolean flagged) {
    long[] counts = groups.computeIfAbsent(key, k -> new long[2]);
    counts[0] += flagged ? 1 : 0;
    counts[1]++;
  }

  private static Map<String, EvaluationReport.Rate> rates(Map<String, long[]> groups) {
    Map<String, EvaluationReport.Rate> rates = new LinkedHashMap<>();
    groups.forEach((k, v) -> rates.put(k, new EvaluationReport.Rate(v[0], v[1], rate(v[0], v[1]))));
    return rates;
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }
}
