package dev.vigil.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An autonomous system and the blocks it announces.
 *
 * @param asOrg the organisation name a geo/ASN database reports
 * @param asn the AS number (real where the operator is real)
 * @param kind what the network is for
 * @param prefixes its blocks; for {@link NetworkKind#CORPORATE} networks the first one is the VPN egress
 */
record Network(String asOrg, long asn, NetworkKind kind, List<Prefix> prefixes) {

  Network {
    prefixes = List.copyOf(prefixes);
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("a network announces at least one prefix: " + asOrg);
    }
  }

  Prefix anyPrefix(SplittableRandom random) {
    return prefixes.get(random.nextInt(prefixes.size()));
  }

  /** The blocks located in {@code city}, possibly none. */
  List<Prefix> prefixesIn(City city) {
    List<Prefix> found = new ArrayList<>(2);
    for (Prefix prefix : prefixes) {
      if (prefix.city().equals(city)) {
        found.add(prefix);
      }
    }
    return found;
  }

  /** A block in {@code city}, or any block when the network has none there. */
  Prefix prefixNear(City city, SplittableRandom random) {
    List<Prefix> local = prefixesIn(city);
    return local.isEmpty() ? anyPrefix(random) : local.get(random.nextInt(local.size()));
  }

  /** The block closest to {@code city}: where a cloud proxy or anycast VPN would route a user there. */
  Prefix nearestPrefix(City city) {
    Prefix best = prefixes.get(0);
    double bestKm = Double.MAX_VALUE;
    for (Prefix prefix : prefixes) {
      double km = prefix.city().distanceKm(city);
      if (km < bestKm) {
        best = prefix;
        bestKm = km;
      }
    }
    return best;
  }

  boolean hasPrefixIn(String countryCode) {
    for (Prefix prefix : prefixes) {
      if (Objects.equals(prefix.city().countryCode(), countryCode)) {
        return true;
      }
    }
    return false;
  }
}
