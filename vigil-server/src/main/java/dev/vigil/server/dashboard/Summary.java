package dev.vigil.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The analysts' overview of one tenant over a time range ({@code GET /internal/dashboard/summary}). Counts only:
 * user ids and masked networks appear as the incident API shows them, never a raw address or user agent.
 *
 * @param from start of the range (inclusive), by event time
 * @param to end of the range (exclusive)
 * @param bucketSeconds width of each point of {@code logins}: an hour for ranges up to two days, else a day
 * @param logins logins per bucket and decision, oldest first; empty buckets are left out
 * @param scores logins per score decile ({@code 0} = 0–9 … {@code 9} = 90–100)
 * @param topSignals the most frequent signal types of the range, most frequent first
 * @param riskyUsers users with the most challenged or denied logins
 * @param riskyNetworks masked source networks with the most challenged or denied logins
 * @param openIncidents incidents still open or acknowledged (whenever opened), per severity
 */
record Summary(Instant from, Instant to, long bucketSeconds, List<Point> logins, List<Count> scores,
    List<Count> topSignals, List<Risky> riskyUsers, List<Risky> riskyNetworks, List<Count> openIncidents) {

  Summary {
    logins = List.copyOf(logins);
    scores = List.copyOf(scores);
    topSignals = List.copyOf(topSignals);
    riskyUsers = List.copyOf(riskyUsers);
    riskyNetworks = List.copyOf(riskyNetworks);
    openIncidents = List.copyOf(openIncidents);
  }

  /** A range's bucket width: hourly for up to two days, daily beyond. */
  static Duration bucketOf(Instant from, Instant to) {
    return Duration.between(from, to).compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
  }

  /** Logins of one decision in the bucket starting at {@code at}. */
  record Point(Instant at, String decision, long count) {}

  /** How many of {@code key}. */
  record Count(String key, long count) {}

  /** A user or masked network: its challenged or denied logins in the range and its highest score. */
  record Risky(String key, long flagged, int maxScore) {}
}
