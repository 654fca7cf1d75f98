package dev.vigil.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node KRaft broker (combined broker + controller) in its own JVM — {@code kafka.Kafka}, the server of
 * {@code org.apache.kafka:kafka_2.13} at our {@code kafka.version} — so that a test can stop it with SIGTERM or kill
 * it with SIGKILL and start it again <b>on the same ports and log directory</b>: what a broker restart looks like to
 * clients. The embedded brokers of spring-kafka-test share the test's JVM and cannot be restarted in place.
 *
 * <p>The log directory is formatted once with {@code kafka.tools.StorageTool format} (the {@code kafka-storage}
 * command). The broker's own output goes to {@code target/<name>-broker.log}.
 */
final class ChildBroker implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofSeconds(120);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

  private final int port;
  private final Path config;
  private final Path log;
  private volatile @Nullable Process process;

  private ChildBroker(int port, Path config, Path log) {
    this.port = port;
    this.config = config;
    this.log = log;
  }

  /** Formats a fresh log directory and starts the broker; returns once it answers an admin request. */
  static ChildBroker start(String name) throws IOException, InterruptedException {
    int port = freePort();
    int controllerPort = freePort();
    Path home = StateDirectories.fresh(name + "-kafka"); // deleted with everything in it when the JVM exits
    Path logDir = home.resolve("logs");
    Path config = home.resolve("server.properties");
    StringBuilder props = new StringBuilder();
    Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("num.partitions", "6"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"))
        .forEach((key, value) -> props.append(key).append('=').append(value).append('\n'));
    Files.writeString(config, props);
    Path log = Path.of("target", name + "-broker.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
        "-c", config.toString()).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!format.waitFor(START_PATIENCE.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException("kafka-storage format failed, see " + log);
    }
    ChildBroker broker = new ChildBroker(port, config, log);
    // A test JVM that dies without close() must not leave a broker behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Process left = broker.process;
      if (left != null) {
        left.destroyForcibly();
      }
    }));
    broker.restart();
    return broker;
  }

  String bootstrap() {
    return "localhost:" + port;
  }

  /** Creates topics of six partitions, replication factor 1. */
  void createTopics(String... topics) throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, 6, (short) 1)).toList()).all().get();
    }
  }

  /** SIGKILL: no controlled shutdown, no flush; the next start recovers the logs. */
  void kill() throws InterruptedException {
    Process running = running();
    running.destroyForcibly();
    awaitExit(running);
  }

  /** SIGTERM: the broker's controlled shutdown (leadership handed over, logs flushed and closed cleanly). */
  void stop() throws InterruptedException {
    Process running = running();
    running.destroy();
    awaitExit(running);
  }

  /** Starts the broker on the same ports and log directory; returns once it answers an admin request. */
  void restart() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the broker is running");
    }
    process = java("kafka.Kafka", config.toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long end = System.nanoTime() + START_PATIENCE.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the broker exited with " + process.exitValue() + ", see " + log);
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        admin.listTopics().names().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("the broker did not answer within " + START_PATIENCE + ", see " + log, e);
        }
        Thread.sleep(200);
      }
    }
  }

  /** Kills the broker if it runs and waits for its JVM to end. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private Process running() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("the broker is not running");
    }
    return process;
  }

  private static void awaitExit(Process running) throws InterruptedException {
    if (!running.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      running.destroyForcibly().waitFor();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrap(), "request.timeout.ms", 5_000,
        "default.api.timeout.ms", 5_000));
  }

  private static ProcessBuilder java(String mainClass, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
