package dev.vigil.bench;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.SimulationSettings;
import dev.vigil.simulator.Simulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Simulated traffic for benchmarks: the same world the evaluation uses, so the mix of rules is realistic. */
final class Traffic {
  private Traffic() {}

  /** A month of logins of {@code users} users (about two events per user and day), in time order. */
  static List<LoginEvent> month(int users, long seed) {
    List<LoginEvent> events = new ArrayList<>(users * 70);
    Simulator.run(new SimulationSettings(seed, users, 30, Scenario.STANDARD, Instant.parse("2026-10-01T00:00:00Z")),
        (event, label) -> events.add(event));
    return events;
  }
}
