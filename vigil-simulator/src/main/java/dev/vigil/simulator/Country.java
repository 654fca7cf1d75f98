package dev.vigil.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A country of the simulated world with its cities and consumer networks.
 *
 * @param code ISO 3166-1 alpha-2
 * @param region the address-space region its networks draw prefixes from
 * @param users relative share of the user base living here; 0 for countries that only host servers
 * @param cities its cities, heaviest first
 * @param residential home broadband providers (2–4 for populated countries)
 * @param mobile mobile carriers (1–2 for populated countries)
 */
record Country(
    String code, Region region, double users, List<City> cities, List<Network> residential,
    List<Network> mobile) {

  Country {
    cities = List.copyOf(cities);
    residential = List.copyOf(residential);
    mobile = List.copyOf(mobile);
  }

  /** A city weighted by residents. */
  City residentCity(SplittableRandom random) {
    double total = 0;
    for (City city : cities) {
      total += city.residents();
    }
    double pick = random.nextDouble() * total;
    for (City city : cities) {
      pick -= city.residents();
      if (pick < 0) {
        return city;
      }
    }
    return cities.get(0);
  }

  Network anyResidential(SplittableRandom random) {
    return residential.get(random.nextInt(residential.size()));
  }

  Network anyMobile(SplittableRandom random) {
    return mobile.get(random.nextInt(mobile.size()));
  }

  boolean populated() {
    return users > 0;
  }
}
