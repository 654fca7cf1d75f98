package dev.vigil.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Fresh state directories for tests, on tmpfs when the machine has one: Kafka Streams fsyncs its checkpoint file and
 * flushes RocksDB at every commit, and the test driver commits after every record, which on a disk costs ~15 ms per
 * record and says nothing about the topology. tmpfs is memory, so every directory is deleted when the JVM exits.
 */
final class StateDirectories {
  private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(StateDirectories::delete)));
  }

  private StateDirectories() {}

  static Path fresh(String prefix) {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, prefix)
          : Files.createTempDirectory(prefix);
      CREATED.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> tree = Files.walk(dir)) {
      tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit; a leftover temp directory is harmless on disk and gone at reboot on tmpfs
    }
  }
}
