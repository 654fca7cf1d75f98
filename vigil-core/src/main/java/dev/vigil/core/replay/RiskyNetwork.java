package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

/**
 * A source network among those with the most flagged logins in a replay.
 *
 * @param network the /24 (IPv4) or /48 (IPv6) prefix, e.g. {@code 81.2.69.0/24}: a network, never a host
 * @param flaggedEvents how many logins from it were challenged or denied
 */
public record RiskyNetwork(String network, long flaggedEvents) {
  public RiskyNetwork {
    requireNonNull(network, "network");
    if (flaggedEvents < 1) {
      throw new IllegalArgumentException("a risky network has at least one flagged event: " + flaggedEvents);
    }
  }
}
