package dev.vigil.core.event;

import java.time.Duration;

/** The contract's limits on incoming events (DESIGN.md §3). */
public final class EventLimits {
  /** Longer string fields are cut to this many characters and listed in {@code truncatedFields}. */
  public static final int MAX_STRING_LENGTH = 512;

  /** Events stamped further ahead of the receiver's clock than this are refused as clock errors or forgeries. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

  /** Tenant used when an HTTP caller names none. */
  public static final String DEFAULT_TENANT = "default";

  private EventLimits() {}
}
