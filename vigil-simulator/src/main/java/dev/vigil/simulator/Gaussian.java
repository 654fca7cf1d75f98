package dev.vigil.simulator;

import java.util.SplittableRandom;

/**
 * Draws from distributions with {@link StrictMath} only. {@code RandomGenerator.nextGaussian()} and {@code Math}
 * are free to differ between JDKs and CPUs in the last bit, which would break byte-identical output per seed.
 */
final class Gaussian {
  private Gaussian() {}

  /** A standard normal draw (Box–Muller, one of the pair). */
  static double next(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble(); // (0, 1]: log(0) is not a number
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
  }

  /** A log-normal draw with the given parameters of the underlying normal. */
  static double logNormal(double mu, double sigma, SplittableRandom random) {
    return StrictMath.exp(mu + sigma * next(random));
  }

  /** An exponential draw with the given mean. */
  static double exponential(double mean, SplittableRandom random) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  /** A Poisson draw (Knuth's method; fine for the small means of daily login counts). */
  static int poisson(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 50) {
      return Math.max(0, (int) Math.round(mean + StrictMath.sqrt(mean) * next(random)));
    }
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
