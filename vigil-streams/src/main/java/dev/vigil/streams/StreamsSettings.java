package dev.vigil.streams;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.EngineSettings;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the topology needs to know besides the Kafka connection.
 *
 * @param inputPattern the input topics; must not match an output topic (checked)
 * @param engine the engine settings (per-tenant policy and detector parameters)
 * @param snapshotEveryEvents a task writes its engine snapshot after this many assessed events; between snapshots
 *     it journals the events, so a restore replays at most this many
 * @param seenRetention how long (event time) an eventId is remembered for de-duplication
 * @param networkWindow the size of the tumbling event-time window of per-network failure counts
 * @param networkGrace how late (event time) an event may arrive and still count in its network window
 * @param crossPartition which other partitions' logins each task's engine observes (docs/streams.md)
 */
public record StreamsSettings(Pattern inputPattern, EngineSettings engine, int snapshotEveryEvents,
    Duration seenRetention, Duration networkWindow, Duration networkGrace, CrossPartitionEvidence crossPartition) {

  public StreamsSettings {
    requireNonNull(inputPattern, "inputPattern");
    Topics.checkedInput(inputPattern);
    requireNonNull(engine, "engine");
    if (snapshotEveryEvents < 1) {
      throw new IllegalArgumentException("snapshotEveryEvents must be at least 1: " + snapshotEveryEvents);
    }
    positive("seenRetention", seenRetention);
    positive("networkWindow", networkWindow);
    requireNonNull(networkGrace, "networkGrace");
    if (networkGrace.isNegative()) {
      throw new IllegalArgumentException("networkGrace must not be negative: " + networkGrace);
    }
    requireNonNull(crossPartition, "crossPartition");
  }

  /**
   * Input {@code security.login.*}, default engine, snapshot every 50,000 events, 7 days of eventIds, 1 h windows,
   * no cross-partition observation: {@link CrossPartitionEvidence#ALL} is opt-in until the duplicate outputs seen
   * once with it under extreme load are explained (docs/streams.md).
   */
  public static StreamsSettings defaults() {
    return new StreamsSettings(Topics.DEFAULT_INPUT, EngineSettings.defaults(), 50_000, Duration.ofDays(7),
        Duration.ofHours(1), Duration.ofMinutes(5), CrossPartitionEvidence.NONE);
  }

  public StreamsSettings withInputPattern(Pattern newPattern) {
    return new StreamsSettings(newPattern, engine, snapshotEveryEvents, seenRetention, networkWindow, networkGrace, crossPartition);
  }

  public StreamsSettings withEngine(EngineSettings newEngine) {
    return new StreamsSettings(inputPattern, newEngine, snapshotEveryEvents, seenRetention, networkWindow,
        networkGrace, crossPartition);
  }

  public StreamsSettings withSnapshotEveryEvents(int events) {
    return new StreamsSettings(inputPattern, engine, events, seenRetention, networkWindow, networkGrace, crossPartition);
  }

  public StreamsSettings withCrossPartition(CrossPartitionEvidence evidence) {
    return new StreamsSettings(inputPattern, engine, snapshotEveryEvents, seenRetention, networkWindow, networkGrace,
        evidence);
  }

  private static void positive(String name, Duration value) {
    requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
