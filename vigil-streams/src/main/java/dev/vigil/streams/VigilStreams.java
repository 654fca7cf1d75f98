package dev.vigil.streams;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One running instance of Vigil on Kafka Streams. Start as many as there are partitions to spread; each takes a
 * share of the tasks, and a dead instance's tasks move to the others, restoring their state from the changelogs.
 */
public final class VigilStreams implements AutoCloseable {
  private final KafkaStreams streams;

  private VigilStreams(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * Creates the output topics that are missing ({@code partitions} each; the input topics must exist) and starts
   * the instance. Returns once it is starting; {@link #state()} says when it runs.
   */
  public static VigilStreams start(StreamsConnection connection, StreamsSettings settings, int partitions,
      short replicationFactor) {
    requireNonNull(connection, "connection");
    requireNonNull(settings, "settings");
    Properties props = connection.properties();
    createOutputTopics(props, partitions, replicationFactor);
    Topology topology = VigilTopology.build(settings, connection.cloudEventSource());
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.start();
    return new VigilStreams(streams);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The underlying Kafka Streams instance (metadata, metrics). */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /** Closes cleanly: commits, leaves the group so the tasks move at once, keeps local state for a restart. */
  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }

  private static void createOutputTopics(Properties props, int partitions, short replicationFactor) {
    try (Admin admin = Admin.create(adminProperties(props))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : Topics.OUTPUTS) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, replicationFactor));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the output topics: " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the output topics", e);
    }
  }

  private static Properties adminProperties(Properties streamsProps) {
    Properties admin = new Properties();
    for (String name : streamsProps.stringPropertyNames()) {
      if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")
          || name.equals("bootstrap.servers")) {
        admin.put(name, streamsProps.getProperty(name));
      }
    }
    admin.put("bootstrap.servers", streamsProps.get("bootstrap.servers"));
    return admin;
  }
}
