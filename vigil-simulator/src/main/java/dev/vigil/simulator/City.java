package dev.vigil.simulator;

/**
 * A place people live or servers stand.
 *
 * @param name the city's English name, as a geo database spells it
 * @param countryCode ISO 3166-1 alpha-2
 * @param regionCode ISO 3166-2 subdivision code without the country part
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param utcOffsetMinutes a rough standard-time offset; the simulator ignores daylight saving on purpose
 * @param residents relative share of the country's users living here; 0 for data-centre-only places
 */
record City(
    String name, String countryCode, String regionCode, double lat, double lon, int utcOffsetMinutes,
    double residents) {

  private static final double EARTH_RADIUS_KM = 6371.0;

  /** Great-circle distance in kilometres (haversine). */
  double distanceKm(City other) {
    return distanceKm(lat, lon, other.lat, other.lon);
  }

  /**
   * Great-circle distance in kilometres between two points given in degrees. Not core's {@code GreatCircle}: the
   * simulator computes with {@link StrictMath} so that a seed generates the same bytes on every JVM and CPU.
   */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = StrictMath.toRadians(lat2 - lat1);
    double dLon = StrictMath.toRadians(lon2 - lon1);
    double a = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
        + StrictMath.cos(StrictMath.toRadians(lat1)) * StrictMath.cos(StrictMath.toRadians(lat2))
        * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * StrictMath.atan2(StrictMath.sqrt(a), StrictMath.sqrt(1 - a));
  }
}
