package dev.vigil.bench;

import dev.vigil.core.score.AnomalyFeatures;
import dev.vigil.core.score.IsolationForest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a feature matrix shaped like the engine's Isolation Forest input (hour share, change flags, familiarity
 * shares, counts, log-speed, network flags) and Vigil's forest scores for it, for
 * {@code vigil-bench/scripts/compare-isolation-forest.sh} to compare with scikit-learn's IsolationForest.
 *
 * <p>Run: {@code java -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.ForestComparison OUT_DIR}
 */
public final class ForestComparison {
  private ForestComparison() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/forest-comparison");
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(2026);
    int rows = 4000;
    double[][] matrix = new double[rows][];
    for (int i = 0; i < rows; i++) {
      boolean odd = i % 25 == 0; // 4% of logins unlike the rest
      double[] v = new double[AnomalyFeatures.LENGTH];
      v[0] = odd ? random.nextDouble() * 0.05 : 0.2 + random.nextDouble() * 0.6;
      v[1] = random.nextInt(odd ? 1 : 5) == 0 ? 1 : 0;
      v[2] = odd ? random.nextDouble() * 0.1 : 0.5 + random.nextDouble() * 0.5;
      v[3] = odd ? random.nextDouble() * 0.1 : 0.7 + random.nextDouble() * 0.3;
      v[4] = odd && random.nextBoolean() ? 0 : 0.9 + random.nextDouble() * 0.1;
      v[5] = odd ? random.nextDouble() * 0.2 : 0.6 + random.nextDouble() * 0.4;
      v[6] = odd ? 1 + random.nextInt(30) : 1 + random.nextInt(4);
      v[7] = odd ? random.nextInt(10) : random.nextInt(20) == 0 ? 1 : 0;
      v[8] = odd ? 5 + random.nextDouble() * 5 : random.nextDouble() * 3;
      v[9] = odd && random.nextInt(3) == 0 ? 1 : 0;
      v[10] = odd && random.nextInt(4) == 0 ? 1 : 0;
      matrix[i] = v;
    }
    IsolationForest forest = IsolationForest.grow(matrix, 100, 256, 1);
    try (PrintWriter features = new PrintWriter(Files.newBufferedWriter(dir.resolve("features.csv")));
        PrintWriter scores = new PrintWriter(Files.newBufferedWriter(dir.resolve("vigil-scores.csv")))) {
      for (double[] v : matrix) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < v.length; j++) {
          line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", v[j]));
        }
        features.println(line);
        scores.println(String.format(Locale.ROOT, "%.6f", forest.score(v)));
      }
    }
    System.out.println("wrote " + rows + " rows to " + dir);
  }
}
