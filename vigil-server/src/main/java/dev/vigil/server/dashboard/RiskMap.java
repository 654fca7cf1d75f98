package dev.vigil.server.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Challenged and denied logins per country over a time range ({@code GET /internal/dashboard/map}), for the
 * console's map. Countries are ISO 3166 alpha-2 codes as enrichment found them; logins stored before the country
 * was kept, or from addresses no geo source knows, are counted under {@code unknown}.
 *
 * @param countries per country, most flagged first
 * @param unknown flagged logins without a country
 */
record RiskMap(Instant from, Instant to, List<Country> countries, Country unknown) {
  RiskMap {
    countries = List.copyOf(countries);
  }

  /** One country's challenged and denied logins ({@code code} is {@code "??"} for the unknown ones). */
  record Country(String code, long challenged, long denied) {}
}
