package dev.vigil.simulator;

import java.util.SplittableRandom;

/**
 * Where campaign traffic comes from. Cheap campaigns rent hosting servers and VPN exits, which a network
 * category check catches; the hard scenario's campaigns rent residential proxies, which it does not.
 */
final class SourcePicker {
  private final World world;
  private final ScenarioKnobs knobs;

  SourcePicker(World world, ScenarioKnobs knobs) {
    this.world = world;
    this.knobs = knobs;
  }

  Origin any(SplittableRandom random) {
    double roll = random.nextDouble();
    if (roll < knobs.residentialProxyShare()) {
      return residential(random);
    }
    if (roll < knobs.residentialProxyShare() + (1 - knobs.residentialProxyShare()) * 0.7) {
      return Origin.in(world.anyHosting(random).anyPrefix(random), random);
    }
    return Origin.in(world.anyAnonymizer(random).anyPrefix(random), random);
  }

  /** A residential-proxy exit: some home or phone connection anywhere in the world. */
  Origin residential(SplittableRandom random) {
    Country country = world.anyPopulatedCountry(random);
    Network network = random.nextDouble() < 0.8 ? country.anyResidential(random) : country.anyMobile(random);
    return Origin.in(network.anyPrefix(random), random);
  }
}
