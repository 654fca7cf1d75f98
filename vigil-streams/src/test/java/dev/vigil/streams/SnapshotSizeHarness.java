package dev.vigil.streams;

import dev.vigil.core.VigilEngine;
import dev.vigil.simulator.SimulationSettings;
import dev.vigil.simulator.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Bytes of engine snapshot per profile after a simulated month: what a task's {@code vigil-engine} store and
 * changelog hold per user (docs/BENCHMARKS.md, "Kafka Streams"). Run with the classpath bench.sh builds:
 * {@code java -cp vigil-streams/target/test-classes:$(cat vigil-streams/target/bench.classpath) dev.vigil.streams.SnapshotSizeHarness 20000}.
 */
final class SnapshotSizeHarness {
  private SnapshotSizeHarness() {}

  public static void main(String[] args) throws IOException {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    VigilEngine engine = VigilEngine.builder().build();
    long[] events = {0};
    Simulator.run(SimulationSettings.defaults().withSeed(21).withUsers(users).withDays(30), (event, label) -> {
      engine.assess(event);
      events[0]++;
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.writeSnapshot(out);
    System.out.printf(Locale.ROOT, "%,d events, %,d profiles, snapshot %,d bytes = %.0f bytes per profile%n",
        events[0], engine.profileCount(), out.size(), (double) out.size() / engine.profileCount());
  }
}
