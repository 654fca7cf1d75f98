package dev.vigil.streams;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The compact binary form of the window aggregate in its state store and changelog (user hashes included). */
final class NetworkFailuresSerde {
  private NetworkFailuresSerde() {}

  static Serde<NetworkFailures> serde() {
    Serializer<NetworkFailures> serializer = (topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate(8 + 8 + 4 + 4 + 4 + 4 * value.users().length);
      buffer.putLong(value.windowStart().toEpochMilli()).putLong(value.windowEnd().toEpochMilli())
          .putInt(value.failures()).putInt(value.unknownUserFailures()).putInt(value.users().length);
      for (int user : value.users()) {
        buffer.putInt(user);
      }
      return buffer.array();
    };
    Deserializer<NetworkFailures> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      Instant start = Instant.ofEpochMilli(buffer.getLong());
      Instant end = Instant.ofEpochMilli(buffer.getLong());
      int failures = buffer.getInt();
      int unknown = buffer.getInt();
      int[] users = new int[buffer.getInt()];
      for (int i = 0; i < users.length; i++) {
        users[i] = buffer.getInt();
      }
      return new NetworkFailures(start, end, failures, unknown, users);
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
