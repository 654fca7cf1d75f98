package dev.vigil.core.profile;

/**
 * The categorical login features a profile remembers, each in a fixed section of the profile's slot arrays.
 * Capacities are small on purpose: a person uses a handful of networks, countries and devices, and the
 * least-weighted entry is what gets forgotten (weights decay with time).
 */
public enum Feature {
  /** The /24 (IPv4) or /48 (IPv6) network. */
  NETWORK(0, 8),
  /** The autonomous system. */
  ASN(8, 6),
  /** The country. */
  COUNTRY(14, 6),
  /** The city (within its country). */
  CITY(20, 8),
  /** The caller-supplied device id. */
  DEVICE(28, 6),
  /** Browser family + OS family + device class. */
  UA_FAMILY(34, 6),
  /** Browser family alone. */
  BROWSER(40, 4),
  /** OS family alone. */
  OS(44, 4);

  /** Every feature, in order; {@code values()} copies its array on every call, which the hot path avoids. */
  public static final java.util.List<Feature> ALL = java.util.List.of(values());

  /** Slots over all features: the length of a profile's key and weight arrays. */
  static final int TOTAL_SLOTS = 48;

  private final int offset;
  private final int capacity;

  Feature(int offset, int capacity) {
    this.offset = offset;
    this.capacity = capacity;
  }

  /** How many distinct values of this feature a profile remembers. */
  public int capacity() {
    return capacity;
  }

  int offset() {
    return offset;
  }
}
