package dev.vigil.core.score;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * An Isolation Forest (Liu, Ting and Zhou, ICDM 2008): anomalies are few and different, so random axis-parallel
 * splits isolate them in fewer steps than normal points. The anomaly score of x is
 * {@code 2^(−E[h(x)] / c(ψ))}, where h is the path length to isolate x in a tree grown on a subsample of ψ
 * points, and c(ψ) the average path length of an unsuccessful binary-search-tree lookup — about 0.5 for ordinary
 * points, near 1 for anomalies. Written here because the only Java implementation on Maven Central (Smile 3+)
 * is GPL.
 *
 * <p><b>Layout.</b> Each tree is stored flat in arrays (split feature, split value, children by index), so
 * scoring walks primitive arrays without object dereferences; with 64 trees of depth ≤ 8 a score costs a few
 * hundred array reads.
 *
 * <p><b>Determinism.</b> Growing is seeded: the same samples and seed give the same forest, which keeps the
 * engine a pure function of its input.
 *
 * <p>Immutable once built; thread-safe.
 */
public final class IsolationForest {
  private static final double EULER_GAMMA = 0.5772156649015329;

  private final int trees;
  private final int nodesPerTree;
  private final int features;
  private final int subsample;
  private final int[] splitFeature; // -1 marks a leaf
  private final double[] splitValue; // for leaves: the size of the leaf's sample
  private final double normaliser;

  private IsolationForest(int trees, int nodesPerTree, int features, int subsample, int[] splitFeature,
      double[] splitValue) {
    this.trees = trees;
    this.nodesPerTree = nodesPerTree;
    this.features = features;
    this.subsample = subsample;
    this.splitFeature = splitFeature;
    this.splitValue = splitValue;
    this.normaliser = averagePathLength(subsample);
  }

  /**
   * Grows a forest.
   *
   * @param samples the training points, each of {@code samples[0].length} features (at least 2 points)
   * @param trees how many trees (the original paper uses 100)
   * @param subsample points per tree (the paper's ψ = 256); capped at the number of samples
   * @param seed the random seed
   * @throws IllegalArgumentException when the samples are too few or ragged
   */
  public static IsolationForest grow(double[][] samples, int trees, int subsample, long seed) {
    if (samples.length < 2) {
      throw new IllegalArgumentException("an isolation forest needs at least 2 samples: " + samples.length);
    }
    int features = samples[0].length;
    for (double[] sample : samples) {
      if (sample.length != features) {
        throw new IllegalArgumentException("every sample must have " + features + " features");
      }
    }
    int psi = Math.min(subsample, samples.length);
    int maxDepth = (int) Math.ceil(Math.log(psi) / Math.log(2));
    int nodesPerTree = (1 << (maxDepth + 1)) - 1;
    int[] splitFeature = new int[trees * nodesPerTree];
    double[] splitValue = new double[trees * nodesPerTree];
    SplittableRandom random = new SplittableRandom(seed);
    int[] indices = new int[psi];
    for (int t = 0; t < trees; t++) {
      // Sample ψ distinct points (partial Fisher-Yates over a fresh permutation).
      int[] all = new int[samples.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      for (int i = 0; i < psi; i++) {
        int j = i + random.nextInt(all.length - i);
        int swap = all[i];
        all[i] = all[j];
        all[j] = swap;
        indices[i] = all[i];
      }
      growNode(samples, indices, 0, psi, 0, maxDepth, t * nodesPerTree, 0, splitFeature, splitValue, random);
    }
    return new IsolationForest(trees, nodesPerTree, features, psi, splitFeature, splitValue);
  }

  private static void growNode(double[][] samples, int[] idx, int from, int to, int depth, int maxDepth, int base,
      int node, int[] splitFeature, double[] splitValue, SplittableRandom random) {
    int size = to - from;
    int slot = base + node;
    if (size <= 1 || depth >= maxDepth) {
      splitFeature[slot] = -1;
      splitValue[slot] = size;
      return;
    }
    int features = samples[idx[from]].length;
    // Pick uniformly among the features that still vary in this node (as scikit-learn does by redrawing); a
    // node where nothing varies is a leaf.
    double[] mins = new double[features];
    double[] maxs = new double[features];
    int varying = 0;
    for (int f = 0; f < features; f++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = samples[idx[i]][f];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      mins[f] = min;
      maxs[f] = max;
      if (max > min) {
        varying++;
      }
    }
    if (varying == 0) {
      splitFeature[slot] = -1;
      splitValue[slot] = size;
      return;
    }
    int pick = random.nextInt(varying);
    int f = 0;
    for (; f < features; f++) {
      if (maxs[f] > mins[f] && pick-- == 0) {
        break;
      }
    }
    double split = mins[f] + random.nextDouble() * (maxs[f] - mins[f]);
    int mid = from;
    for (int i = from; i < to; i++) {
      if (samples[idx[i]][f] < split) {
        int swap = idx[i];
        idx[i] = idx[mid];
        idx[mid] = swap;
        mid++;
      }
    }
    splitFeature[slot] = f;
    splitValue[slot] = split;
    growNode(samples, idx, from, mid, depth + 1, maxDepth, base, 2 * node + 1, splitFeature, splitValue, random);
    growNode(samples, idx, mid, to, depth + 1, maxDepth, base, 2 * node + 2, splitFeature, splitValue, random);
  }

  /** The anomaly score of {@code point}: about 0.5 for ordinary points, approaching 1 for anomalies. */
  public double score(double[] point) {
    if (point.length != features) {
      throw new IllegalArgumentException("the point must have " + features + " features: " + point.length);
    }
    double total = 0;
    for (int t = 0; t < trees; t++) {
      int base = t * nodesPerTree;
      int node = 0;
      int depth = 0;
      while (splitFeature[base + node] >= 0) {
        node = point[splitFeature[base + node]] < splitValue[base + node] ? 2 * node + 1 : 2 * node + 2;
        depth++;
      }
      total += depth + averagePathLength((int) splitValue[base + node]);
    }
    return Math.pow(2, -(total / trees) / normaliser);
  }

  public int features() {
    return features;
  }

  /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    double harmonic = Math.log(n - 1.0) + EULER_GAMMA;
    return 2 * harmonic - 2.0 * (n - 1) / n;
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeInt(trees);
    out.writeInt(nodesPerTree);
    out.writeInt(features);
    out.writeInt(subsample);
    for (int i = 0; i < splitFeature.length; i++) {
      out.writeInt(splitFeature[i]);
      out.writeDouble(splitValue[i]);
    }
  }

  static IsolationForest readFrom(DataInput in) throws IOException {
    int trees = in.readInt();
    int nodesPerTree = in.readInt();
    int features = in.readInt();
    int subsample = in.readInt();
    if (trees < 1 || trees > 10_000 || nodesPerTree < 1 || nodesPerTree > (1 << 20) || features < 1
        || features > 1024 || subsample < 1) {
      throw new IOException("corrupt snapshot: isolation forest dimensions out of range");
    }
    int[] splitFeature = new int[trees * nodesPerTree];
    double[] splitValue = new double[trees * nodesPerTree];
    for (int i = 0; i < splitFeature.length; i++) {
      splitFeature[i] = in.readInt();
      splitValue[i] = in.readDouble();
    }
    return new IsolationForest(trees, nodesPerTree, features, subsample, splitFeature, splitValue);
  }
}
