package dev.vigil.simulator;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated internet: countries with cities and consumer networks, plus the global hosting, anonymizer and
 * corporate networks. Immutable; {@link Atlas} builds the one built-in instance.
 */
final class World {
  private final List<Country> countries;
  private final List<Country> populated;
  private final Map<String, Country> byCode;
  private final List<Network> hosting;
  private final List<Network> vpns;
  private final List<Network> torExits;
  private final List<Network> anonymizers;
  private final List<Network> companies;
  private final Network cloudProxy;
  private final double populationTotal;

  World(List<Country> countries, List<Network> hosting, List<Network> vpns, List<Network> torExits,
      List<Network> companies, Network cloudProxy) {
    this.countries = List.copyOf(countries);
    this.populated = countries.stream().filter(Country::populated).toList();
    this.byCode = countries.stream().collect(Collectors.toUnmodifiableMap(Country::code, Function.identity()));
    this.hosting = List.copyOf(hosting);
    this.vpns = List.copyOf(vpns);
    this.torExits = List.copyOf(torExits);
    this.anonymizers = java.util.stream.Stream.concat(vpns.stream(), torExits.stream()).toList();
    this.companies = List.copyOf(companies);
    this.cloudProxy = cloudProxy;
    this.populationTotal = populated.stream().mapToDouble(Country::users).sum();
  }

  List<Country> countries() {
    return countries;
  }

  /** Countries where simulated people live. */
  List<Country> populated() {
    return populated;
  }

  Country country(String code) {
    Country country = byCode.get(code);
    if (country == null) {
      throw new NoSuchElementException("no country " + code + " in the simulated world");
    }
    return country;
  }

  Country country(City city) {
    return country(city.countryCode());
  }

  List<Network> hosting() {
    return hosting;
  }

  /** Commercial VPNs and Tor exits. */
  List<Network> anonymizers() {
    return anonymizers;
  }

  /** Commercial VPN providers: privacy-minded people use them too. */
  List<Network> consumerVpns() {
    return vpns;
  }

  List<Network> torExits() {
    return torExits;
  }

  /** Companies whose offices and VPN egress users work behind. */
  List<Network> companies() {
    return companies;
  }

  /** A cloud security proxy (Zscaler-like) some employers send all office traffic through. */
  Network cloudProxy() {
    return cloudProxy;
  }

  /** A populated country, weighted by its share of users. */
  Country anyPopulatedCountry(SplittableRandom random) {
    double pick = random.nextDouble() * populationTotal;
    for (Country country : populated) {
      pick -= country.users();
      if (pick < 0) {
        return country;
      }
    }
    return populated.get(populated.size() - 1);
  }

  /** A populated country other than {@code not}, weighted by users. */
  Country anyOtherCountry(String not, SplittableRandom random) {
    Country country;
    do {
      country = anyPopulatedCountry(random);
    } while (country.code().equals(not));
    return country;
  }

  Network anyHosting(SplittableRandom random) {
    return hosting.get(random.nextInt(hosting.size()));
  }

  Network anyAnonymizer(SplittableRandom random) {
    return anonymizers.get(random.nextInt(anonymizers.size()));
  }
}
