package dev.vigil.core.profile;

/**
 * The recent logins of one source (an address, a /24 or /48, or an AS): who was tried, when, and how it ended.
 * A ring of the last {@value #SLOTS} attempts is enough to see the rules it serves — a spray of ten users at
 * two tries each needs twenty — while bounding memory to about half a kilobyte per busy source.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class SourceActivity {
  static final int SLOTS = 32;
  private static final byte FAILURE = 1;
  private static final byte UNKNOWN_USER = 2;

  private final int[] seconds = new int[SLOTS];
  private final int[] users = new int[SLOTS];
  private final byte[] flags = new byte[SLOTS];
  private int count;
  private int next;
  private int lastSecond;

  /** Records an attempt on {@code userKey} at {@code second}. */
  public void record(int second, int userKey, boolean failure, boolean unknownUser) {
    seconds[next] = second;
    users[next] = userKey;
    flags[next] = (byte) ((failure ? FAILURE : 0) | (unknownUser ? UNKNOWN_USER : 0));
    next = (next + 1) % SLOTS;
    if (count < SLOTS) {
      count++;
    }
    lastSecond = Math.max(lastSecond, second);
  }

  /** Forgets everything (the source was idle too long to matter to any window). */
  public void clear() {
    count = 0;
    next = 0;
    lastSecond = 0;
  }

  /** The latest event time recorded. */
  public int lastSecond() {
    return lastSecond;
  }

  /** What the source did in {@code [from, to]}. */
  public Window window(int from, int to) {
    if (count == 0) {
      return Window.EMPTY;
    }
    int attempts = 0;
    int failures = 0;
    int unknownUserFailures = 0;
    int distinctFailedUsers = 0;
    int distinctUnknownUsers = 0;
    int maxFailuresPerUser = 0;
    for (int i = 0; i < count; i++) {
      int t = seconds[i];
      if (t < from || t > to) {
        continue;
      }
      attempts++;
      if ((flags[i] & FAILURE) == 0) {
        continue;
      }
      failures++;
      boolean unknown = (flags[i] & UNKNOWN_USER) != 0;
      if (unknown) {
        unknownUserFailures++;
      }
      // Distinct counting over at most 32 entries: quadratic, and cheaper than any set.
      int triesOfUser = 0;
      boolean firstOccurrence = true;
      for (int j = 0; j < count; j++) {
        int tj = seconds[j];
        if (tj < from || tj > to || (flags[j] & FAILURE) == 0 || users[j] != users[i]) {
          continue;
        }
        triesOfUser++;
        if (j < i) {
          firstOccurrence = false;
        }
      }
      if (firstOccurrence) {
        distinctFailedUsers++;
        if (unknown) {
          distinctUnknownUsers++;
        }
        maxFailuresPerUser = Math.max(maxFailuresPerUser, triesOfUser);
      }
    }
    return new Window(attempts, failures, unknownUserFailures, distinctFailedUsers, distinctUnknownUsers,
        maxFailuresPerUser);
  }

  /**
   * A source's activity over a time window.
   *
   * @param attempts logins of any outcome
   * @param failures failed logins
   * @param unknownUserFailures failures naming users the tenant does not have
   * @param distinctFailedUsers distinct user names that failed
   * @param distinctUnknownUsers distinct unknown user names tried
   * @param maxFailuresPerUser the most failures against any one user
   */
  public record Window(
      int attempts,
      int failures,
      int unknownUserFailures,
      int distinctFailedUsers,
      int distinctUnknownUsers,
      int maxFailuresPerUser) {
    public static final Window EMPTY = new Window(0, 0, 0, 0, 0, 0);

    /** Share of attempts that failed, 0 when there were none. */
    public double failureRatio() {
      return attempts == 0 ? 0 : failures / (double) attempts;
    }
  }
}
