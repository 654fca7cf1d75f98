package dev.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsolationForestTest {
  /** A tight cluster of ordinary logins around (0.3, 0, 0) in three features. */
  private static double[][] cluster(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = new double[] {0.3 + random.nextGaussian() * 0.05, random.nextInt(10) == 0 ? 1 : 0,
          random.nextGaussian() * 0.1};
    }
    return points;
  }

  @Test
  void isolatesOutliersFasterThanOrdinaryPoints() {
    IsolationForest forest = IsolationForest.grow(cluster(2000, 1), 100, 256, 7);

    double ordinary = forest.score(new double[] {0.3, 0, 0});
    double outlier = forest.score(new double[] {0.95, 1, 3.0});

    assertThat(ordinary).isLessThan(0.5);
    assertThat(outlier).isGreaterThan(0.65);
  }

  @Test
  void theSameSamplesAndSeedGrowTheSameForest() {
    double[][] samples = cluster(500, 3);
    double[] probe = {0.5, 1, 1};

    assertThat(IsolationForest.grow(samples, 50, 128, 11).score(probe))
        .isEqualTo(IsolationForest.grow(samples, 50, 128, 11).score(probe));
  }

  @Test
  void averagePathLengthMatchesThePaper() {
    // c(256) from Liu et al.: 2H(255) - 2*255/256, about 10.24.
    assertThat(IsolationForest.averagePathLength(256)).isBetween(10.2, 10.3);
    assertThat(IsolationForest.averagePathLength(2)).isEqualTo(1.0);
    assertThat(IsolationForest.averagePathLength(1)).isZero();
  }

  @Test
  void refusesTooFewOrRaggedSamples() {
    assertThatThrownBy(() -> IsolationForest.grow(new double[][] {{1}}, 10, 8, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> IsolationForest.grow(new double[][] {{1, 2}, {1}}, 10, 8, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 features");
  }

  @Test
  void aTenantModelScoresNothingUntilTrainedAndStaysBounded() throws Exception {
    TenantAnomalyModel model = new TenantAnomalyModel(1024, 512, 256);
    double[] point = {0.3, 0, 0};
    assertThat(model.score(point)).isNaN();

    double[][] samples = cluster(5000, 5);
    for (int i = 0; i < 255; i++) {
      model.learn(samples[i]);
    }
    assertThat(model.score(point)).isNaN();
    model.learn(samples[255]);
    assertThat(model.score(point)).isBetween(0.0, 1.0);

    ByteArrayOutputStream afterThousand = new ByteArrayOutputStream();
    for (int i = 256; i < 1024; i++) {
      model.learn(samples[i]);
    }
    model.writeTo(new DataOutputStream(afterThousand));
    for (int i = 1024; i < 5000; i++) {
      model.learn(samples[i]);
    }
    ByteArrayOutputStream afterFiveThousand = new ByteArrayOutputStream();
    model.writeTo(new DataOutputStream(afterFiveThousand));
    assertThat(afterFiveThousand.size()).isEqualTo(afterThousand.size());

    TenantAnomalyModel restored = new TenantAnomalyModel(1024, 512, 256);
    restored.readFrom(new DataInputStream(new ByteArrayInputStream(afterFiveThousand.toByteArray())));
    assertThat(restored.score(new double[] {0.9, 1, 2})).isEqualTo(model.score(new double[] {0.9, 1, 2}));
  }
}
