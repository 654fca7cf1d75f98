package dev.vigil.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Where an IP address is, and which network it belongs to. Every part is optional: a caller-supplied geo may
 * carry only a country, an MMDB only an ASN.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param region region or state code
 * @param city city name
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param asn autonomous system number
 * @param asOrg the organisation that owns {@code asn}
 */
public record Geo(
    @Nullable String country,
    @Nullable String region,
    @Nullable String city,
    @Nullable Double lat,
    @Nullable Double lon,
    @Nullable Long asn,
    @Nullable String asOrg) {

  /** A geo that knows nothing. */
  public static final Geo UNKNOWN = new Geo(null, null, null, null, null, null, null);

  public Geo {
    if (country != null) {
      country = country.toUpperCase(java.util.Locale.ROOT);
    }
    if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
      throw new InvalidEventException("geo.lat", "must be between -90 and 90: " + lat);
    }
    if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
      throw new InvalidEventException("geo.lon", "must be between -180 and 180: " + lon);
    }
    if (asn != null && (asn < 0 || asn > 0xFFFF_FFFFL)) {
      throw new InvalidEventException("geo.asn", "must be a 32-bit AS number: " + asn);
    }
  }

  /** True when both coordinates are known. */
  public boolean hasLocation() {
    return lat != null && lon != null;
  }

  /** Fills the parts this geo lacks from {@code other}; this geo's own parts win. */
  public Geo orElse(Geo other) {
    return new Geo(
        country != null ? country : other.country,
        region != null ? region : other.region,
        city != null ? city : other.city,
        hasLocation() ? lat : other.lat,
        hasLocation() ? lon : other.lon,
        asn != null ? asn : other.asn,
        asOrg != null ? asOrg : other.asOrg);
  }
}
