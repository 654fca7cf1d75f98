package dev.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Follows a growing log file the way {@code tail -F} does, one {@link #poll()} at a time (the caller sleeps between
 * polls, so tests drive it without timing).
 *
 * <p>Rotation: when the path names a different file than the open one (logrotate's rename and create, by the
 * file key — device and inode), the old file is read to its end first, then the new one from its start; while the
 * path does not exist (between the rename and the create) the old file is still followed. When the open file
 * becomes shorter than what was read (logrotate's {@code copytruncate}), reading restarts at its start. A
 * truncation followed by more writes than were read before the next poll cannot be told from growth; poll often
 * (the default is every half second). Lines are UTF-8; a last line without its line break waits for it, except
 * at rotation, where the old file's tail is a line of its own. Lines over 64 KiB are cut.
 */
final class LogFollower implements Closeable {
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final Path path;
  private final boolean fromStart;
  private @Nullable FileChannel channel;
  private @Nullable Object fileKey;
  private long position;
  private boolean firstPoll = true;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

  /**
   * @param fromStart read what the file already holds (true), or only what is appended from now on (false); a
   *     file that appears after a rotation is always read from its start
   */
  LogFollower(Path path, boolean fromStart) {
    this.path = path;
    this.fromStart = fromStart;
  }

  /** The complete lines that arrived since the last poll, in order; empty when there are none. */
  List<String> poll() throws IOException {
    List<String> lines = new ArrayList<>();
    if (channel == null) {
      open(firstPoll && !fromStart);
    }
    firstPoll = false;
    if (channel == null) {
      return lines;
    }
    if (channel.size() < position) {
      position = 0; // copytruncate: the file was emptied in place
      partial.reset();
    }
    read(lines);
    Object current = keyOf(path);
    if (current != null && !Objects.equals(current, fileKey)) {
      read(lines); // anything written to the old file after the rename
      flushPartial(lines);
      channel.close();
      channel = null;
      open(false);
      if (channel != null) {
        read(lines);
      }
    }
    return lines;
  }

  private void open(boolean atEnd) throws IOException {
    try {
      FileChannel opening = FileChannel.open(path, StandardOpenOption.READ);
      channel = opening;
      fileKey = keyOf(path);
      position = atEnd ? opening.size() : 0;
    } catch (NoSuchFileException e) {
      channel = null;
    }
  }

  private void read(List<String> lines) throws IOException {
    FileChannel open = Objects.requireNonNull(channel);
    while (true) {
      buffer.clear();
      int n = open.read(buffer, position);
      if (n <= 0) {
        return;
      }
      position += n;
      byte[] bytes = buffer.array();
      for (int i = 0; i < n; i++) {
        byte b = bytes[i];
        if (b == '\n') {
          lines.add(take());
        } else if (partial.size() < MAX_LINE_BYTES) {
          partial.write(b);
        }
      }
    }
  }

  private void flushPartial(List<String> lines) {
    if (partial.size() > 0) {
      lines.add(take());
    }
  }

  private String take() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static @Nullable Object keyOf(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      Object key = attributes.fileKey();
      return key != null ? key : attributes.creationTime();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
