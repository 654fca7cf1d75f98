package dev.vigil.streams;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition owns a user, and the broadcast of a user's logins to every other partition. Both repartition
 * topics ({@code by-user} and {@code observed}) use the one owner function, so a login reaches its owner once (to be
 * assessed) and each other task once (to be observed) — never the owner twice, never a task not at all.
 */
final class UserPartitions {
  private UserPartitions() {}

  /** The owner of a user key: Kafka's own key hash (murmur2), so the layout matches a producer keyed the same way. */
  static int owner(String userKey, int partitions) {
    return Utils.toPositive(Utils.murmur2(userKey.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Sends a record to its user's partition. */
  static StreamPartitioner<String, byte[]> toOwner() {
    return (topic, key, value, partitions) -> Optional.of(Set.of(owner(key, partitions)));
  }

  /** Sends a record to every partition but its user's (none with one partition: Kafka then drops it). */
  static StreamPartitioner<String, byte[]> toOthers() {
    return (topic, key, value, partitions) -> {
      int owner = owner(key, partitions);
      Set<Integer> others = new HashSet<>(partitions);
      for (int p = 0; p < partitions; p++) {
        if (p != owner) {
          others.add(p);
        }
      }
      return Optional.of(others);
    };
  }
}
