package dev.vigil.core.profile;

import dev.vigil.core.enrich.EnrichedLogin;
import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;

/**
 * The features of one login reduced to the 32-bit keys the state stores, computed once per event.
 *
 * <p>Keys are hashes: a profile holds at most a few dozen values per user, so a 32-bit collision inside one
 * profile is a one-in-a-hundred-million event, and hashes keep raw identities (IPs, device ids) out of the
 * state and its snapshots. Key 0 means "absent".
 */
public final class LoginFeatures {
  private final int[] keys = new int[Feature.values().length];
  private final int ipKey;
  private final int second;
  private final int localHour;
  private final float lat;
  private final float lon;

  private LoginFeatures(EnrichedLogin login) {
    LoginEvent event = login.event();
    Geo geo = login.geo();
    ipKey = nonZero(Long.hashCode(event.ip().hash64()));
    keys[Feature.NETWORK.ordinal()] = nonZero(Long.hashCode(mix(event.ip().networkKey())));
    // Without geo/ASN data the provider-sized block (/16, /32) stands in for the AS, so the hierarchy address →
    // network → provider still exists; the stand-in's keys are negative and cannot meet a real AS number.
    keys[Feature.ASN.ordinal()] = login.network().asn() != 0 ? nonZero((int) login.network().asn())
        : (int) (mix(event.ip().providerBlockKey()) | 0x8000_0000L);
    keys[Feature.COUNTRY.ordinal()] = countryKey(geo.country());
    keys[Feature.CITY.ordinal()] = geo.city() == null ? 0
        : nonZero(31 * String.valueOf(geo.country()).hashCode() + geo.city().hashCode());
    // A missing device id or user agent is a value of its own: for a user whose every login carries a device
    // cookie, a login without one is as unfamiliar as a new device.
    keys[Feature.DEVICE.ordinal()] = event.deviceId() == null ? ABSENT : nonZero(mix32(event.deviceId().hashCode()));
    boolean uaKnown = event.userAgent() != null && !event.userAgent().isBlank();
    keys[Feature.UA_FAMILY.ordinal()] = uaKnown ? nonZero(login.userAgent().familyKey()) : ABSENT;
    keys[Feature.BROWSER.ordinal()] = uaKnown ? nonZero(login.userAgent().browserFamily().hashCode()) : ABSENT;
    keys[Feature.OS.ordinal()] = uaKnown ? nonZero(login.userAgent().osFamily().hashCode()) : ABSENT;
    second = EventClock.seconds(event.timestamp());
    if (geo.hasLocation()) {
      lat = geo.lat().floatValue();
      lon = geo.lon().floatValue();
    } else {
      lat = Float.NaN;
      lon = Float.NaN;
    }
    localHour = localHour(second, lon);
  }

  /** Computes the features of an enriched login. */
  public static LoginFeatures of(EnrichedLogin login) {
    return new LoginFeatures(login);
  }

  /** The key of {@code feature} for this login, 0 when the login does not carry it. */
  public int key(Feature feature) {
    return keys[feature.ordinal()];
  }

  /** The key of the exact address. */
  public int ipKey() {
    return ipKey;
  }

  /** Event time in {@link EventClock} seconds. */
  public int second() {
    return second;
  }

  /**
   * The hour of day (0–23) at the login's place: solar time from the longitude (15° per hour), UTC when the
   * location is unknown. Solar time is within an hour or two of civil time everywhere people live, which is
   * all an hour-of-habit histogram needs, and it needs no time-zone database.
   */
  public int localHour() {
    return localHour;
  }

  /** Latitude in degrees, NaN when unknown. */
  public float lat() {
    return lat;
  }

  /** Longitude in degrees, NaN when unknown. */
  public float lon() {
    return lon;
  }

  public boolean hasLocation() {
    return !Float.isNaN(lat);
  }

  static int localHour(int second, float lon) {
    int offsetSeconds = Float.isNaN(lon) ? 0 : Math.round(lon / 15f) * 3600;
    return Math.floorMod(second + offsetSeconds, 86_400) / 3600;
  }

  /** The key of "the login did not carry this value" (device id, user agent). */
  public static final int ABSENT = 0x7FFF_0001;

  /**
   * The key of a country: its two letters packed into an int, so a profile can say which countries are usual
   * without storing strings. 0 when unknown.
   */
  public static int countryKey(@org.jspecify.annotations.Nullable String country) {
    if (country == null || country.length() != 2) {
      return 0;
    }
    return (country.charAt(0) << 8) | country.charAt(1);
  }

  /** The country code of a {@link #countryKey}, {@code "??"} for 0. */
  public static String countryCode(int key) {
    if (key == 0) {
      return "??";
    }
    return new String(new char[] {(char) (key >>> 8), (char) (key & 0xFF)});
  }

  private static int nonZero(int key) {
    return key == 0 ? 1 : key;
  }

  private static long mix(long value) {
    long h = value * 0x9E37_79B9_7F4A_7C15L;
    return h ^ (h >>> 29);
  }

  private static int mix32(int value) {
    int h = value * 0x9E37_79B9;
    return h ^ (h >>> 16);
  }
}
