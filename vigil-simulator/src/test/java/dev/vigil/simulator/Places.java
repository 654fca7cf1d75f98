package dev.vigil.simulator;

import dev.vigil.core.event.Geo;
import dev.vigil.core.event.LoginEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookups into the built-in world for assertions: which ASNs are of which kind, where a city's clock is. */
final class Places {
  private Places() {}

  static Set<Long> asns(NetworkKind kind) {
    Set<Long> asns = new HashSet<>();
    World world = Atlas.WORLD;
    for (Country country : world.countries()) {
      country.residential().forEach(network -> add(asns, network, kind));
      country.mobile().forEach(network -> add(asns, network, kind));
    }
    world.hosting().forEach(network -> add(asns, network, kind));
    world.anonymizers().forEach(network -> add(asns, network, kind));
    world.companies().forEach(network -> add(asns, network, kind));
    add(asns, world.cloudProxy(), kind);
    return asns;
  }

  private static void add(Set<Long> asns, Network network, NetworkKind kind) {
    if (network.kind() == kind) {
      asns.add(network.asn());
    }
  }

  static Set<Long> residentialAsnsOf(String countryCode) {
    return Atlas.WORLD.country(countryCode).residential().stream().map(Network::asn).collect(Collectors.toSet());
  }

  /** The local hour of an event at its geo's city. */
  static int localHour(LoginEvent event) {
    Map<String, City> cities = new HashMap<>();
    for (Country country : Atlas.WORLD.countries()) {
      country.cities().forEach(city -> cities.put(country.code() + "/" + city.name(), city));
    }
    Geo geo = event.geo();
    City city = cities.get(geo.country() + "/" + geo.city());
    long local = event.timestamp().getEpochSecond() + city.utcOffsetMinutes() * 60L;
    return Math.floorMod(local / 3600, 24);
  }

  static double distanceKm(LoginEvent a, LoginEvent b) {
    return City.distanceKm(a.geo().lat(), a.geo().lon(), b.geo().lat(), b.geo().lon());
  }

  /** The most frequent value: a user's home country is where most of their logins come from. */
  static <T, V> V mode(Collection<T> items, Function<T, V> value) {
    Map<V, Long> counts = items.stream().collect(Collectors.groupingBy(value, Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

}
