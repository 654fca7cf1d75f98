package dev.vigil.core.enrich;

import dev.vigil.core.event.Geo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Completes one geo from another without inventing places: the first geo's parts always win, and parts that
 * only make sense together are taken together or not at all.
 *
 * <p>Why not plain per-field {@link Geo#orElse}: a caller that says "DE" and a database that says "Paris, FR"
 * would merge into "Paris, DE", a place that does not exist, and the travel detectors would measure distances
 * to it. So region, city and coordinates are only taken from a fallback that describes the same place: it
 * agrees on country, region and city wherever both sides know them (names compared ignoring case). The AS
 * organisation is only taken from a fallback that agrees on the ASN.
 */
final class GeoFill {
  private GeoFill() {}

  /** {@code known}, with its missing parts filled from {@code fallback} where they are consistent. */
  static Geo complete(Geo known, Geo fallback) {
    boolean samePlace = agree(known.country(), fallback.country())
        && agree(known.region(), fallback.region())
        && agree(known.city(), fallback.city());
    boolean sameNetwork = known.asn() == null
        || fallback.asn() == null
        || Objects.equals(known.asn(), fallback.asn());
    boolean takeLocation = samePlace && !known.hasLocation() && fallback.hasLocation();
    return new Geo(
        known.country() != null ? known.country() : fallback.country(),
        known.region() != null || !samePlace ? known.region() : fallback.region(),
        known.city() != null || !samePlace ? known.city() : fallback.city(),
        takeLocation ? fallback.lat() : known.lat(),
        takeLocation ? fallback.lon() : known.lon(),
        known.asn() != null ? known.asn() : fallback.asn(),
        known.asOrg() != null || !sameNetwork ? known.asOrg() : fallback.asOrg());
  }

  private static boolean agree(@Nullable String a, @Nullable String b) {
    return a == null || b == null || a.equalsIgnoreCase(b);
  }

  /** Whether {@code geo} already has everything a lookup could add, so the lookup can be skipped. */
  static boolean isComplete(Geo geo) {
    return geo.country() != null
        && geo.region() != null
        && geo.city() != null
        && geo.hasLocation()
        && geo.asn() != null
        && geo.asOrg() != null;
  }
}
