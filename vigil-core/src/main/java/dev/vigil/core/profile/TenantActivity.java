package dev.vigil.core.profile;

/**
 * A tenant's login activity per minute over the last hour, and a slow baseline of its failure rate: the
 * evidence for a credential-stuffing surge, which no single user or source shows because the attacker rotates
 * both.
 *
 * <p>Minutes are buckets of a 60-slot ring indexed by event time; an event older than the ring is not counted
 * (it cannot change a window that has closed). The baseline is an exponentially weighted mean of failures per
 * minute with a one-day time constant, advanced with zeros across silent minutes.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class TenantActivity {
  private static final int MINUTES = 60;
  private static final double BASELINE_ALPHA = 1.0 / 1440;

  private final int[] minuteOf = new int[MINUTES];
  private final int[] attempts = new int[MINUTES];
  private final int[] failures = new int[MINUTES];
  private final int[] unknownUser = new int[MINUTES];
  private final int[] scripted = new int[MINUTES];
  private final int[] obscured = new int[MINUTES];
  private int latestMinute = -1;
  private double baselineFailuresPerMinute;
  private long minutesObserved;

  public TenantActivity() {
    java.util.Arrays.fill(minuteOf, -1);
  }

  /** Counts one attempt. */
  public void record(int second, boolean failure, boolean unknownUserFailure, boolean scriptedClient,
      boolean obscuredNetwork) {
    int minute = second / 60;
    if (latestMinute >= 0 && minute <= latestMinute - MINUTES) {
      return;
    }
    advanceTo(minute);
    int slot = Math.floorMod(minute, MINUTES);
    if (minuteOf[slot] != minute) {
      minuteOf[slot] = minute;
      attempts[slot] = 0;
      failures[slot] = 0;
      unknownUser[slot] = 0;
      scripted[slot] = 0;
      obscured[slot] = 0;
    }
    attempts[slot]++;
    if (failure) {
      failures[slot]++;
      if (unknownUserFailure) {
        unknownUser[slot]++;
      }
      if (scriptedClient) {
        scripted[slot]++;
      }
      if (obscuredNetwork) {
        obscured[slot]++;
      }
    }
  }

  private void advanceTo(int minute) {
    if (latestMinute < 0) {
      latestMinute = minute;
      return;
    }
    if (minute <= latestMinute) {
      return;
    }
    // Close each minute between the latest and this one into the baseline (silent minutes count as zero).
    int steps = Math.min(minute - latestMinute, 10 * 1440);
    for (int m = latestMinute; m < latestMinute + steps; m++) {
      int slot = Math.floorMod(m, MINUTES);
      int closed = minuteOf[slot] == m ? failures[slot] : 0;
      baselineFailuresPerMinute += BASELINE_ALPHA * (closed - baselineFailuresPerMinute);
      minutesObserved++;
    }
    latestMinute = minute;
  }

  /** Failures and their make-up in the {@code minutes} minutes ending at {@code second}. */
  public Window window(int second, int minutes) {
    int to = second / 60;
    int from = to - Math.min(minutes, MINUTES) + 1;
    int a = 0;
    int f = 0;
    int u = 0;
    int s = 0;
    int o = 0;
    for (int m = from; m <= to; m++) {
      int slot = Math.floorMod(m, MINUTES);
      if (minuteOf[slot] == m) {
        a += attempts[slot];
        f += failures[slot];
        u += unknownUser[slot];
        s += scripted[slot];
        o += obscured[slot];
      }
    }
    return new Window(a, f, u, s, o, baselineFailuresPerMinute * minutes, minutesObserved);
  }

  /**
   * A tenant's activity over a window.
   *
   * @param attempts logins of any outcome
   * @param failures failed logins
   * @param unknownUserFailures failures naming users the tenant does not have
   * @param scriptedFailures failures from scripted clients
   * @param obscuredFailures failures from hosting or anonymizing networks
   * @param expectedFailures the baseline's expectation of failures over a window this long
   * @param minutesObserved how many minutes the baseline has seen (it means little in the first hours)
   */
  public record Window(int attempts, int failures, int unknownUserFailures, int scriptedFailures,
      int obscuredFailures, double expectedFailures, long minutesObserved) {

    /** The largest share of failures that carries a stuffing mark: unknown user, script, or hosting network. */
    public double suspiciousShare() {
      if (failures == 0) {
        return 0;
      }
      int marked = Math.max(unknownUserFailures, Math.max(scriptedFailures, obscuredFailures));
      return marked / (double) failures;
    }
  }

  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    out.writeDouble(baselineFailuresPerMinute);
    out.writeLong(minutesObserved);
  }

  void readFrom(java.io.DataInput in) throws java.io.IOException {
    baselineFailuresPerMinute = in.readDouble();
    minutesObserved = in.readLong();
  }
}
