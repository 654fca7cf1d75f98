package dev.vigil.simulator;

import java.util.SplittableRandom;

/**
 * When in the (local) day a user logs in: a mix of two bell curves, e.g. before work and after dinner, or one
 * centred on 2 am for night owls.
 *
 * @param firstPeak local hour of the first peak
 * @param secondPeak local hour of the second peak
 * @param firstShare share of logins around the first peak
 * @param spreadHours standard deviation of each peak
 */
record HourHabit(double firstPeak, double secondPeak, double firstShare, double spreadHours) {

  static HourHabit daytime(SplittableRandom random) {
    return new HourHabit(8.5 + 3 * random.nextDouble(), 18 + 3 * random.nextDouble(), 0.35 + 0.3 * random.nextDouble(),
        1.5 + 1.5 * random.nextDouble());
  }

  static HourHabit evening(SplittableRandom random) {
    return new HourHabit(19.5 + 2.5 * random.nextDouble(), 12 + 2 * random.nextDouble(), 0.8, 1.5 + random.nextDouble());
  }

  static HourHabit nightOwl(SplittableRandom random) {
    return new HourHabit(1 + 2 * random.nextDouble(), 23 + random.nextDouble(), 0.7, 1 + random.nextDouble());
  }

  /** Whether most logins fall between midnight and 5 am: the users an "unusual hour" rule wrongly flags. */
  boolean nightOwl() {
    double main = firstShare >= 0.5 ? firstPeak : secondPeak;
    return main < 5;
  }

  /** A local hour in [0, 24). */
  double sampleLocalHour(SplittableRandom random) {
    double peak = random.nextDouble() < firstShare ? firstPeak : secondPeak;
    double hour = peak + spreadHours * Gaussian.next(random);
    return ((hour % 24) + 24) % 24;
  }
}
