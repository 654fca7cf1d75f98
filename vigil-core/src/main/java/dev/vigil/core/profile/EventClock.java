package dev.vigil.core.profile;

import java.time.Instant;

/**
 * Event time in the compact units the state uses: seconds since 2020-01-01T00:00:00Z in an {@code int}, which
 * lasts until 2088 and halves the memory of a {@code long} in every ring buffer.
 */
public final class EventClock {
  /** 2020-01-01T00:00:00Z in epoch seconds. */
  public static final long BASE_EPOCH_SECOND = 1_577_836_800L;

  private EventClock() {}

  /** Seconds since the base of {@code instant}, clamped to the {@code int} range. */
  public static int seconds(Instant instant) {
    long s = instant.getEpochSecond() - BASE_EPOCH_SECOND;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, s));
  }

  /** The day number (since the base) of a compact time. */
  public static int day(int seconds) {
    return seconds / 86_400;
  }

  /** The instant of a compact time. */
  public static Instant instant(int seconds) {
    return Instant.ofEpochSecond(BASE_EPOCH_SECOND + seconds);
  }
}
