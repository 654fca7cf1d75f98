package dev.vigil.streams;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.simulator.SimulationSettings;
import dev.vigil.simulator.Simulator;
import java.util.ArrayList;
import java.util.List;

/** The simulator's labelled world as the JSON records a producer would send, in event-time order. */
final class SimulatedTraffic {
  private SimulatedTraffic() {}

  static List<LoginEvent> events(long seed, int users, int days) {
    List<LoginEvent> events = new ArrayList<>();
    Simulator.run(SimulationSettings.defaults().withSeed(seed).withUsers(users).withDays(days),
        (event, label) -> events.add(event));
    return events;
  }

  static String json(LoginEvent event) {
    return LoginEventWriter.toJson(event);
  }
}
