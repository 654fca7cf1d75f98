package dev.vigil.streams;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.jspecify.annotations.Nullable;

/**
 * The topology (docs/streams.md has the picture):
 *
 * <ol>
 *   <li>read the input topics by pattern; parse; malformed records to {@link Topics#DEAD_LETTER};
 *   <li>re-key by tenant+user and repartition ({@code by-user}), so each user's events reach one task in order
 *       (records a producer already keyed by tenant+user are assessed on their input partition, no repartition);
 *       that task's engine assesses them ({@link AssessmentProcessor}) and the assessments fan out to
 *       {@link Topics#ASSESSMENTS}, {@link Topics#ALERTS} and {@link Topics#BLOCKED};
 *   <li>re-key failures by tenant+network and repartition ({@code by-network}); count them per tumbling event-time
 *       window with a grace period into {@link Topics#NETWORK_FAILURES}, which every instance reads back into a
 *       global store that the assessing tasks consult.
 * </ol>
 */
public final class VigilTopology {
  static final String ENGINE_STORE = "vigil-engine";
  static final String SEEN_STORE = "vigil-seen";
  static final String NETWORK_WINDOW_STORE = "vigil-network-windows";
  static final String NETWORK_VIEW_STORE = "vigil-network-view";
  static final String BY_USER = "by-user";
  /** The repartition topic ({@code <application.id>-observed-repartition}) of other partitions' logins. */
  static final String OBSERVED = "observed";
  static final String OBSERVED_TOPIC_SUFFIX = "-" + OBSERVED + "-repartition";
  private static final char SEPARATOR = '\u0000';

  private VigilTopology() {}

  /**
   * Builds the topology.
   *
   * @param source the CloudEvents {@code source} of the blocked events, e.g. {@code /vigil/streams/<application.id>}
   */
  public static Topology build(StreamsSettings settings, String source) {
    requireNonNull(settings, "settings");
    requireNonNull(source, "source");
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], byte[]> input = builder.stream(settings.inputPattern(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("input"));
    Map<String, KStream<byte[], Parsed>> parsed = input
        .processValues(EventParser::new, Named.as("parse"))
        .split(Named.as("parsed-"))
        .branch((key, value) -> value instanceof Parsed.Valid, Branched.as("valid"))
        .defaultBranch(Branched.as("malformed"));
    parsed.get("parsed-malformed")
        .mapValues(Parsed::raw, Named.as("dead-letter-value"))
        .to(Topics.DEAD_LETTER, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letter"));
    KStream<byte[], Parsed.Valid> valid = parsed.get("parsed-valid")
        .mapValues(value -> (Parsed.Valid) value, Named.as("valid"));

    assessByUser(builder, valid, settings, source);
    countByNetwork(builder, valid, settings);
    return builder.build();
  }

  private static void assessByUser(StreamsBuilder builder, KStream<byte[], Parsed.Valid> valid,
      StreamsSettings settings, String source) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENGINE_STORE),
        Serdes.String(), Serdes.ByteArray()));
    Duration retention = settings.seenRetention();
    // The seen ids are placed at event time, and Streams stamps changelog records with it. Replaying history
    // older than the changelog's retention, the broker would delete each segment as soon as it rolled, and a task
    // restored from it would forget those ids and assess their duplicates again. Stamped on append, the changelog
    // keeps them for its retention of wall-clock time; restoring reads each id's time from its key, not the stamp.
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(SEEN_STORE, retention.plus(retention), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.Long())
        .withLoggingEnabled(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")));
    // A record that a producer keyed exactly as the owner function does (tenant NUL user, Kafka's default
    // partitioner) is already on its owner's partition: assessed in place, it skips one write, one read and one
    // transaction hop. Anything else is re-keyed through the by-user repartition topic. A user's records all take
    // the same path as long as the producers key them the same way (which per-user order requires anyway).
    Map<String, KStream<byte[], Parsed.Valid>> placement = valid.split(Named.as("placed-"))
        .branch((key, value) -> keyedByUser(key, value.event()), Branched.as("by-producer"))
        .defaultBranch(Branched.as("elsewhere"));
    KStream<String, byte[]> inPlace = placement.get("placed-by-producer")
        .map((key, value) -> KeyValue.pair(userKey(value.event()), value.raw()), Named.as("in-place"));
    KStream<String, byte[]> owned = placement.get("placed-elsewhere")
        .map((key, value) -> KeyValue.pair(userKey(value.event()), value.raw()), Named.as("key-by-user"))
        .repartition(Repartitioned.<String, byte[]>as(BY_USER)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray())
            .withStreamPartitioner(UserPartitions.toOwner()))
        .merge(inPlace, Named.as("own-users"));
    CrossPartitionEvidence evidence = settings.crossPartition();
    if (evidence != CrossPartitionEvidence.NONE) {
      // Every other task gets the login too, to count it in its engine's source and tenant activity; both topics
      // feed one task per partition, which takes records from them in timestamp (event-time) order.
      KStream<String, byte[]> observed = valid
          .filter((key, value) -> evidence == CrossPartitionEvidence.ALL || !value.event().isSuccess(),
              Named.as("to-observe"))
          .map((key, value) -> KeyValue.pair(userKey(value.event()), value.raw()), Named.as("key-observed-by-user"))
          .repartition(Repartitioned.<String, byte[]>as(OBSERVED)
              .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray())
              .withStreamPartitioner(UserPartitions.toOthers()));
      owned = owned.merge(observed, Named.as("owned-and-observed"));
    }
    KStream<String, Assessed> assessed = owned
        .process(() -> new AssessmentProcessor(settings), Named.as("assess"), ENGINE_STORE, SEEN_STORE);
    assessed.mapValues(value -> AssessmentJson.toJson(value.assessment()), Named.as("assessment-json"))
        .to(Topics.ASSESSMENTS, Produced.with(Serdes.String(), Serdes.String()).withName("assessments"));
    assessed.filter((key, value) -> value.alert(), Named.as("alerting"))
        .mapValues(value -> AssessmentJson.toJson(value.assessment()), Named.as("alert-json"))
        .to(Topics.ALERTS, Produced.with(Serdes.String(), Serdes.String()).withName("alerts"));
    assessed.filter((key, value) -> value.assessment().decision() == Decision.DENY, Named.as("denied"))
        .mapValues(value -> BlockedEvent.toJson(value.assessment(), source), Named.as("cloud-event"))
        .to(Topics.BLOCKED, Produced.with(Serdes.String(), Serdes.String()).withName("blocked"));
  }

  private static void countByNetwork(StreamsBuilder builder, KStream<byte[], Parsed.Valid> valid,
      StreamsSettings settings) {
    valid.filter((key, value) -> !value.event().isSuccess(), Named.as("failures"))
        .map((key, value) -> KeyValue.pair(networkKey(value.event()), attempt(value.event())),
            Named.as("key-by-network"))
        .groupByKey(Grouped.with("by-network", Serdes.String(), Serdes.Long()))
        .windowedBy(TimeWindows.ofSizeAndGrace(settings.networkWindow(), settings.networkGrace()))
        .aggregate(NetworkFailures::empty,
            (key, attempt, window) -> window.plus((int) attempt.longValue(), (attempt >>> 32) != 0),
            Named.as("count-network-failures"),
            Materialized.<String, NetworkFailures, WindowStore<Bytes, byte[]>>as(NETWORK_WINDOW_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(NetworkFailuresSerde.serde()))
        .toStream(Named.as("network-window-updates"))
        .map((window, counts) -> KeyValue.pair(window.key(),
            counts.inWindow(window.window().startTime(), window.window().endTime())
                .toJson(tenantOf(window.key()), networkOf(window.key()))), Named.as("network-json"))
        .to(Topics.NETWORK_FAILURES, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("network-failures"));
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NETWORK_VIEW_STORE),
            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
        Topics.NETWORK_FAILURES, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("network-view"),
        NetworkViewUpdater::new);
  }

  /** The partitioning key of a user: tenant and user id, NUL-separated (neither may contain U+0000). */
  static String userKey(LoginEvent event) {
    return event.tenantId() + SEPARATOR + event.userId();
  }

  /** Whether a record's key is its event's {@link #userKey} in UTF-8, as a producer keying by user writes it. */
  static boolean keyedByUser(byte @Nullable [] key, LoginEvent event) {
    return key != null && Arrays.equals(key, userKey(event).getBytes(StandardCharsets.UTF_8));
  }

  /** The partitioning key of a source network: tenant and /24 (IPv4) or /48 (IPv6). */
  static String networkKey(LoginEvent event) {
    return event.tenantId() + SEPARATOR + event.ip().networkText();
  }

  /** A failure as the network counter needs it: the user's hash, and bit 32 set for an unknown user name. */
  private static long attempt(LoginEvent event) {
    long unknown = event.failureReason() == FailureReason.UNKNOWN_USER ? 1L << 32 : 0L;
    return unknown | (event.userId().hashCode() & 0xFFFF_FFFFL);
  }

  private static String tenantOf(String key) {
    return key.substring(0, key.indexOf(SEPARATOR));
  }

  private static String networkOf(String key) {
    return key.substring(key.indexOf(SEPARATOR) + 1);
  }
}
