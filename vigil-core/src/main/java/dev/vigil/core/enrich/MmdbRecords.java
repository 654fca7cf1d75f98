package dev.vigil.core.enrich;

import dev.vigil.core.event.Geo;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Geo} out of a decoded MMDB record, whichever of the supported layouts it uses (see
 * {@link MmdbGeoLookup}). Values of an unexpected type or out of range are dropped rather than thrown: a
 * vendor's odd record must cost one field, not the login.
 */
final class MmdbRecords {
  private MmdbRecords() {}

  static Geo toGeo(Map<String, Object> record) {
    Map<String, Object> location = map(record.get("location"));
    Map<String, Object> traits = map(record.get("traits"));
    Double lat = number(location != null ? location.get("latitude") : record.get("latitude"));
    Double lon = number(location != null ? location.get("longitude") : record.get("longitude"));
    boolean validLocation = lat != null && lon != null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    Double asnValue = number(first(record.get("autonomous_system_number"), traits, "autonomous_system_number"));
    Long asn = asnValue != null && asnValue >= 1 && asnValue <= 0xFFFF_FFFFL ? asnValue.longValue() : null;
    return new Geo(
        country(record),
        region(record),
        city(record.get("city")),
        validLocation ? lat : null,
        validLocation ? lon : null,
        asn,
        text(first(record.get("autonomous_system_organization"), traits, "autonomous_system_organization")));
  }

  private static @Nullable String country(Map<String, Object> record) {
    Map<String, Object> country = map(record.get("country"));
    String code = text(country != null ? country.get("iso_code") : record.get("country_code"));
    // ISO 3166-1 alpha-2 is two letters; anything else (empty, a name, a continent code) says nothing useful.
    return code != null && code.length() == 2 ? code : null;
  }

  private static @Nullable String region(Map<String, Object> record) {
    if (record.get("subdivisions") instanceof List<?> subdivisions && !subdivisions.isEmpty()) {
      Map<String, Object> first = map(subdivisions.get(0));
      return first == null ? null : text(first.get("iso_code"));
    }
    return text(record.get("state1"));
  }

  private static @Nullable String city(@Nullable Object city) {
    if (city instanceof String name) {
      return text(name);
    }
    Map<String, Object> cityMap = map(city);
    Map<String, Object> names = cityMap == null ? null : map(cityMap.get("names"));
    return names == null ? null : text(names.get("en"));
  }

  private static @Nullable Object first(@Nullable Object value, @Nullable Map<String, Object> fallback, String key) {
    return value != null || fallback == null ? value : fallback.get(key);
  }

  // Decoded MMDB maps always have String keys.
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  /**
   * The value as a double; a 32-bit float (ip-location-db stores coordinates so) goes through its decimal text
   * so that 52.52f reads as 52.52, not 52.52000045776367.
   */
  private static @Nullable Double number(@Nullable Object value) {
    if (value instanceof Float f) {
      return f.isNaN() ? null : Double.parseDouble(f.toString());
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isNaN(d) ? null : d;
    }
    return null;
  }
}
