package dev.vigil.simulator;

/** How hard the simulated world is on a detector. */
public enum Scenario {
  /** Noisy but ordinary users; attackers that leave the traces most campaigns leave. */
  STANDARD,
  /**
   * Stealthier attackers (mostly targeted takeovers, residential proxies, low and slow campaigns) and noisier
   * users (more travel, VPN use and device changes): what separates a good detector from a rule list.
   */
  HARD;

  ScenarioKnobs knobs() {
    return switch (this) {
      case STANDARD -> ScenarioKnobs.STANDARD;
      case HARD -> ScenarioKnobs.HARD;
    };
  }
}
