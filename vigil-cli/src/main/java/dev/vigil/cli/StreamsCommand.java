package dev.vigil.cli;

import dev.vigil.core.EngineSettings;
import dev.vigil.streams.CrossPartitionEvidence;
import dev.vigil.streams.StreamsConnection;
import dev.vigil.streams.StreamsSettings;
import dev.vigil.streams.Topics;
import dev.vigil.streams.VigilStreams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil streams}: runs one instance of the engine as a Kafka Streams application (docs/streams.md) until
 * SIGTERM/SIGINT, then closes cleanly. Start more instances with the same application id to spread the partitions.
 * Exit codes: 0 stopped by a signal, 1 the application failed, 2 invalid options.
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Runs the engine on Kafka Streams: reads login events from the input topics, writes "
        + "vigil.assessments, vigil.alerts, security.login.blocked (CloudEvents) and vigil.dead-letter, exactly once. "
        + "Instances with the same --application-id share the partitions; a dead instance's users move to the others "
        + "with their profiles. Runs until stopped (Ctrl-C, SIGTERM).")
final class StreamsCommand implements Callable<Integer> {
  /** Kept strongly: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
  private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

  @ParentCommand
  private VigilCommand root;

  @Spec
  private CommandSpec spec;

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,…]",
      description = "The Kafka cluster.")
  private String bootstrapServers;

  @Option(names = "--application-id", required = true, paramLabel = "ID",
      description = "Consumer group and prefix of the internal topics; instances with the same id share the work.")
  private String applicationId;

  @Option(names = "--input-pattern", paramLabel = "REGEX",
      description = "Input topics (default: security.login.* except .blocked and .rollback: ${DEFAULT-VALUE}).")
  private String inputPattern = Topics.DEFAULT_INPUT.pattern();

  @Option(names = "--settings", paramLabel = "FILE", description = "Engine settings as JSON (docs/configuration.md).")
  private @Nullable Path settingsFile;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state (RocksDB) (default: ${DEFAULT-VALUE}).")
  private Path stateDirectory = Path.of("data", "streams");

  @Option(names = "--threads", paramLabel = "N", description = "Stream threads (default: ${DEFAULT-VALUE}).")
  private int threads = 1;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of the output topics when this instance creates them (default: ${DEFAULT-VALUE}).")
  private int partitions = 6;

  @Option(names = "--replication-factor", paramLabel = "N",
      description = "Replication of the output topics it creates; -1 = the broker's default (default: ${DEFAULT-VALUE}).")
  private short replicationFactor = -1;

  @Option(names = "--snapshot-every", paramLabel = "EVENTS",
      description = "Events between engine snapshots per task; a restore replays at most this many (default: ${DEFAULT-VALUE}).")
  private int snapshotEvery = 50_000;

  @Option(names = "--cross-partition", paramLabel = "ALL|FAILURES|NONE",
      description = "Which logins of other partitions' users each task's engine counts as spray/stuffing evidence "
          + "(default: ${DEFAULT-VALUE}; ALL and FAILURES are experimental, docs/streams.md).")
  private CrossPartitionEvidence crossPartition = CrossPartitionEvidence.NONE;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream err = root.stdio().err();
    StreamsSettings settings = settings();
    StreamsConnection connection = connection();
    KAFKA_LOG.setLevel(Level.WARNING);
    VigilStreams instance = VigilStreams.start(connection, settings, partitions, replicationFactor);
    CountDownLatch stopped = new CountDownLatch(1);
    instance.kafkaStreams().setStateListener((now, before) -> {
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    Thread closer = new Thread(() -> {
      instance.close();
      stopped.countDown();
    }, "vigil-streams-shutdown");
    Runtime.getRuntime().addShutdownHook(closer);
    err.println("vigil streams: application " + applicationId + " started; input " + inputPattern
        + "; stop with Ctrl-C");
    stopped.await();
    if (instance.state() == KafkaStreams.State.ERROR) {
      err.println("vigil streams: the application failed; see the log above");
      instance.close();
      return 1;
    }
    return 0;
  }

  private StreamsSettings settings() throws IOException {
    try {
      EngineSettings engine = settingsFile == null ? EngineSettings.defaults() : EngineSettings.fromJson(settingsFile);
      return StreamsSettings.defaults().withEngine(engine).withInputPattern(Pattern.compile(inputPattern))
          .withSnapshotEveryEvents(snapshotEvery).withCrossPartition(crossPartition);
    } catch (PatternSyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--input-pattern is not a regular expression: " + e.getDescription());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid option: " + e.getMessage(), e);
    }
  }

  private StreamsConnection connection() {
    try {
      return new StreamsConnection(bootstrapServers, applicationId, stateDirectory, threads, Map.of());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid option: " + e.getMessage(), e);
    }
  }
}
