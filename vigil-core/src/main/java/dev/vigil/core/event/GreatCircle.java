package dev.vigil.core.event;

/** Distances on the Earth's surface, for travel speed between two logins. */
public final class GreatCircle {
  /** The mean Earth radius (IUGG), in kilometres. */
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private GreatCircle() {}

  /** The great-circle distance in kilometres between two points given in degrees (haversine formula). */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
