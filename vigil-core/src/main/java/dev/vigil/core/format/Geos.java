package dev.vigil.core.format;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.InvalidEventException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds {@link Geo}s from vendor parts, naming the vendor's object when a part is out of range. */
final class Geos {
  /** English country names (and a few common variants) to ISO 3166-1 alpha-2, for sources that give names. */
  private static final Map<String, String> COUNTRY_CODES = countryCodes();

  private Geos() {}

  static @Nullable Geo of(@Nullable String country, @Nullable String region, @Nullable String city,
      @Nullable Double lat, @Nullable Double lon, @Nullable Long asn, @Nullable String asOrg, String vendorObject) {
    if (country == null && region == null && city == null && lat == null && lon == null && asn == null
        && asOrg == null) {
      return null;
    }
    try {
      return new Geo(country, region, city, lat, lon, asn == null || asn <= 0 ? null : asn, asOrg);
    } catch (InvalidEventException e) {
      // Geo names its own fields (geo.lat); the caller wants the vendor's object named.
      throw new InvalidEventException(vendorObject, e.getMessage());
    }
  }

  /** The ISO code of an English country name or of a code itself; null when unknown. */
  static @Nullable String countryCode(@Nullable String nameOrCode) {
    if (nameOrCode == null) {
      return null;
    }
    String key = nameOrCode.strip().toLowerCase(Locale.ROOT);
    if (key.length() == 2 && COUNTRY_CODES.containsValue(key.toUpperCase(Locale.ROOT))) {
      return key.toUpperCase(Locale.ROOT);
    }
    return COUNTRY_CODES.get(key);
  }

  private static Map<String, String> countryCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      codes.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    codes.put("united states of america", "US");
    codes.put("usa", "US");
    codes.put("russia", "RU");
    codes.put("south korea", "KR");
    codes.put("republic of korea", "KR");
    codes.put("vietnam", "VN");
    codes.put("czech republic", "CZ");
    codes.put("the netherlands", "NL");
    codes.put("uk", "GB");
    return Map.copyOf(codes);
  }
}
