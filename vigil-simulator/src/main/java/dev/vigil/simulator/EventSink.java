package dev.vigil.simulator;

import dev.vigil.core.event.LoginEvent;

/**
 * Receives the simulated events in timestamp order, each with its ground-truth label. One call per event, from
 * the thread that called {@link Simulator#run(SimulationSettings, EventSink)}.
 */
@FunctionalInterface
public interface EventSink {
  void accept(LoginEvent event, Label label);
}
