package dev.vigil.streams;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.signal.SignalType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * One stream task's engine: assesses the task's users' events in partition order.
 *
 * <p><b>State.</b> The engine lives in memory; its state is the {@link EngineCheckpoint} in a changelog-backed store
 * (snapshot + journal). {@link #init} always rebuilds the engine from that store, never trusting memory: Kafka
 * Streams calls it after restoring a task on a new instance, and again after an aborted transaction (it closes the
 * task dirty, rewinds its store to the last commit and re-initialises it), so the engine is exactly the committed
 * state every time processing (re)starts.
 *
 * <p><b>Idempotency.</b> An eventId seen before (within {@code seenRetention} of event time) is dropped: the engine's
 * own cache of recent assessments is not in its snapshot, so a store of seen ids, committed with the outputs, keeps
 * the promise across restores.
 *
 * <p><b>Other partitions' users.</b> A record from the {@code observed} topic is a login of a user another task owns:
 * the engine only counts it in its source and tenant activity ({@code VigilEngine.observe}), journals it (so a restore
 * counts it again) and forwards nothing. Seen-eventId de-duplication applies to it as to the task's own logins.
 *
 * <p><b>Network evidence.</b> A failure from a network whose cross-partition window shows at least the tenant's
 * spray threshold of distinct users becomes an alert even when this task's engine, which sees only its own users,
 * did not raise spray or stuffing. The decision stays the engine's (see docs/streams.md for why and the measured
 * difference).
 */
final class AssessmentProcessor implements Processor<String, byte[], String, Assessed> {
  static final String ALERT_REASON = "vigil.alert.reason";
  private static final System.Logger LOG = System.getLogger(AssessmentProcessor.class.getName());
  private static final Duration IDLE_SNAPSHOT_INTERVAL = Duration.ofMinutes(1);

  private final StreamsSettings settings;
  private final Function<ProcessorContext<String, Assessed>, SeenEvents> seenEvents;
  private final LoginEventReader reader = LoginEventReader.lenientAboutTime();
  private ProcessorContext<String, Assessed> context;
  private SeenEvents seen;
  private @Nullable KeyValueStore<String, byte[]> networks;
  private EngineCheckpoint checkpoint;
  private VigilEngine engine;
  private long assessedCount;
  private long observedCount;

  AssessmentProcessor(StreamsSettings settings) {
    this(settings, context -> SeenEvents.windowed(context, settings.seenRetention()));
  }

  /** With another store of seen eventIds: Kafka's window stores need a running task, which unit tests lack. */
  AssessmentProcessor(StreamsSettings settings, Function<ProcessorContext<String, Assessed>, SeenEvents> seenEvents) {
    this.settings = settings;
    this.seenEvents = seenEvents;
  }

  @Override
  public void init(ProcessorContext<String, Assessed> context) {
    this.context = context;
    this.seen = seenEvents.apply(context);
    this.networks = context.getStateStore(VigilTopology.NETWORK_VIEW_STORE);
    this.checkpoint = new EngineCheckpoint(context.getStateStore(VigilTopology.ENGINE_STORE));
    long started = System.nanoTime();
    VigilEngine restored = checkpoint.restore(VigilEngine.builder().settings(settings.engine()));
    checkpoint.replayJournal(new EngineCheckpoint.Replay() {
      @Override
      public void assessed(byte[] raw) {
        restored.assess(reader.read(raw, 0, raw.length));
      }

      @Override
      public void observed(byte[] raw) {
        restored.observe(reader.read(raw, 0, raw.length));
      }
    });
    this.engine = restored;
    LOG.log(System.Logger.Level.INFO, "task {0}: engine restored with {1} profiles and {2} journalled events in {3} ms",
        context.taskId(), engine.profileCount(), checkpoint.journalled(), (System.nanoTime() - started) / 1_000_000);
    // A quiet partition still gets a fresh snapshot, so that a restore never replays a long journal.
    context.schedule(IDLE_SNAPSHOT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
      if (checkpoint.journalled() > 0) {
        checkpoint.snapshot(engine);
      }
    });
  }

  @Override
  public void process(Record<String, byte[]> record) {
    byte[] raw = record.value();
    // Parsed once upstream already; the repartition topic carries the original bytes, which re-parse the same way.
    LoginEvent event = reader.read(raw, 0, raw.length);
    if (!seen.firstTime(event.tenantId(), event.eventId(), event.timestamp().toEpochMilli())) {
      return;
    }
    if (observed()) {
      observedCount++;
      engine.observe(event);
      checkpoint.journalObserved(raw);
      snapshotWhenDue();
      return;
    }
    assessedCount++;
    Assessment assessment = engine.assess(event);
    checkpoint.journal(raw);
    snapshotWhenDue();
    NetworkFailures spray = crossPartitionSpray(event, assessment);
    boolean alert = assessment.level() != RiskLevel.LOW || assessment.flagged() || spray != null;
    // Written at the wall-clock time, not the login's: the broker rolls and deletes an output topic's segments by
    // record timestamp, so assessments of history older than the topic's retention.ms (a replay, a backlog) would
    // otherwise be deleted as soon as they are written — before a consumer has read them. The login's own time is
    // in the assessment.
    Record<String, Assessed> out = record.withValue(new Assessed(assessment, alert, spray))
        .withTimestamp(context.currentSystemTimeMs());
    if (spray != null) {
      out.headers().add(ALERT_REASON, "network-failures".getBytes(StandardCharsets.UTF_8));
    }
    context.forward(out);
  }

  @Override
  public void close() {
    LOG.log(System.Logger.Level.INFO, "task {0}: closing after {1} assessed and {2} observed logins",
        context.taskId(), assessedCount, observedCount);
  }

  private void snapshotWhenDue() {
    if (checkpoint.journalled() >= settings.snapshotEveryEvents()) {
      checkpoint.snapshot(engine);
    }
  }

  /** Whether the record is another partition's user's login, here only to be counted (the {@code observed} topic). */
  private boolean observed() {
    return context.recordMetadata()
        .map(metadata -> metadata.topic() != null && metadata.topic().endsWith(VigilTopology.OBSERVED_TOPIC_SUFFIX))
        .orElse(false);
  }

  private @Nullable NetworkFailures crossPartitionSpray(LoginEvent event, Assessment assessment) {
    if (event.isSuccess() || networks == null || assessment.has(SignalType.PASSWORD_SPRAY)
        || assessment.has(SignalType.CREDENTIAL_STUFFING)) {
      return null;
    }
    NetworkFailures window = NetworkFailures.fromJson(networks.get(VigilTopology.networkKey(event)));
    Instant time = event.timestamp();
    int threshold = settings.engine().forTenant(event.tenantId()).detection().spray().distinctUsers();
    return window != null && window.covers(time) && window.distinctUsers() >= threshold ? window : null;
  }
}
