package dev.vigil.core.enrich;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.IpAddress;

/** Finds where an address is and which network owns it. */
@FunctionalInterface
public interface GeoLookup {
  /** A lookup that knows nothing: events keep only the geo their callers supplied. */
  GeoLookup NONE = ip -> Geo.UNKNOWN;

  /**
   * Returns what is known about {@code ip}, never {@code null}; {@link Geo#UNKNOWN} when nothing is. Must be
   * thread-safe.
   */
  Geo lookup(IpAddress ip);
}
