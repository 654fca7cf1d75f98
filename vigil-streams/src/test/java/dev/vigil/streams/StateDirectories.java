package dev.vigil.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh state directories for tests, on tmpfs when the machine has one: Kafka Streams fsyncs its checkpoint file and
 * flushes RocksDB at every commit, and the test driver commits after every record, which on a disk costs ~15 ms per
 * record and says nothing about the topology.
 */
final class StateDirectories {
  private StateDirectories() {}

  static Path fresh(String prefix) {
    try {
      Path shm = Path.of("/dev/shm");
      return Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, prefix)
          : Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
