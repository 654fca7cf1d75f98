package dev.vigil.streams;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where and as what the application runs.
 *
 * @param bootstrapServers the Kafka cluster
 * @param applicationId the consumer group, the prefix of internal topics, the transactional id's prefix: instances
 *     with the same id share the work
 * @param stateDirectory where RocksDB keeps the local copies of the state stores
 * @param threads stream threads in this instance (each runs some of the tasks)
 * @param overrides further Kafka Streams/client properties, applied last (tests shorten timeouts with them)
 */
public record StreamsConnection(String bootstrapServers, String applicationId, Path stateDirectory, int threads,
    Map<String, Object> overrides) {

  public StreamsConnection {
    requireNonNull(bootstrapServers, "bootstrapServers");
    requireNonNull(applicationId, "applicationId");
    requireNonNull(stateDirectory, "stateDirectory");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank");
    }
    if (!applicationId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("applicationId may hold only letters, digits, '.', '_' and '-': " + applicationId);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    overrides = Map.copyOf(overrides);
  }

  /** The Kafka Streams configuration: exactly once (v2), byte-array serdes, event-time records. */
  Properties properties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("application.id", applicationId);
    props.put("state.dir", stateDirectory.toString());
    props.put("num.stream.threads", threads);
    props.put("processing.guarantee", "exactly_once_v2");
    // A restarted task must find its store on a standby or restore it; one standby halves fail-over time at the
    // cost of a second local copy. Off by default: a single-instance deployment has nowhere to put it.
    props.put("num.standby.replicas", 0);
    props.put("default.key.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    props.put("default.value.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    // Producers wait for the full ISR: an assessment acknowledged by one broker only could be lost with it.
    props.put("producer.acks", "all");
    // A task reads its own users' logins and the other partitions' (observed) ones from two topics and takes the
    // older head first; when one topic has nothing buffered it waits this long for it instead of running ahead in
    // event time (which would count other users' logins late, after the own logins that follow them).
    props.put("max.task.idle.ms", 250L);
    props.putAll(overrides);
    return props;
  }

  /** The CloudEvents {@code source} of this application's blocked events. */
  String cloudEventSource() {
    return "/vigil/streams/" + applicationId;
  }
}
