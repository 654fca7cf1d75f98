"""Compares Vigil's Isolation Forest with scikit-learn's on the same feature matrix.

Reads features.csv and vigil-scores.csv written by dev.vigil.bench.ForestComparison, fits
sklearn.ensemble.IsolationForest (100 trees, 256 samples, as Vigil's comparison run) and prints the Spearman
rank correlation of the two anomaly scores, and how many of each model's top-4% rows the other also ranks there.
Not used at run time: a check of our implementation against the reference one.
"""
import sys

import numpy as np
from scipy.stats import spearmanr
from sklearn.ensemble import IsolationForest

directory = sys.argv[1] if len(sys.argv) > 1 else "target/forest-comparison"
features = np.loadtxt(f"{directory}/features.csv", delimiter=",")
vigil = np.loadtxt(f"{directory}/vigil-scores.csv")
correlations = []
previous = None
between_seeds = []
for seed in range(5):
    reference = IsolationForest(n_estimators=100, max_samples=256, random_state=seed).fit(features)
    # score_samples is the negated anomaly score of the paper: negate it back so both grow with anomaly.
    sklearn_scores = -reference.score_samples(features)
    rho, _ = spearmanr(vigil, sklearn_scores)
    correlations.append(rho)
    if previous is not None:
        between_seeds.append(spearmanr(previous, sklearn_scores)[0])
    previous = sklearn_scores
top = max(1, len(vigil) * 4 // 100)
vigil_top = set(np.argsort(-vigil)[:top])
sklearn_top = set(np.argsort(-sklearn_scores)[:top])
print(f"rows: {len(vigil)}, features: {features.shape[1]}")
print("spearman rank correlation per sklearn seed: " + ", ".join(f"{c:.4f}" for c in correlations))
print(f"mean spearman: {np.mean(correlations):.4f}")
print(f"for scale, sklearn against itself with another seed: {np.mean(between_seeds):.4f}")
print(f"top-{top} overlap: {len(vigil_top & sklearn_top)} of {top}")
