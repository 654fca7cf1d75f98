package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.VigilEngine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An engine's state kept in a file between replays, so that a daily replay continues from yesterday's profiles
 * instead of learning every user again.
 *
 * <p>Saving is atomic: the snapshot is written to a temporary file beside the target, forced to disk, then moved
 * over it. A crash mid-save leaves the previous snapshot intact rather than a torn one that cannot be restored.
 */
public final class SnapshotFile {
  private final Path file;

  public SnapshotFile(Path file) {
    this.file = requireNonNull(file, "file");
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /**
   * Builds the engine, first restoring the snapshot into {@code builder} if the file exists; without the file,
   * the engine starts empty.
   *
   * @throws IOException when the file exists but cannot be read or restored
   */
  public VigilEngine buildEngine(VigilEngine.Builder builder) throws IOException {
    requireNonNull(builder, "builder");
    if (!exists()) {
      return builder.build();
    }
    // Build inside the try: the engine may consume the snapshot lazily, and the stream must stay open till then.
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      return builder.restore(in).build();
    }
  }

  /** Writes the engine's snapshot to the file, atomically replacing any previous one. */
  public void save(VigilEngine engine) throws IOException {
    requireNonNull(engine, "engine");
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        engine.writeSnapshot(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
