package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a real file in a temporary directory through both kinds of logrotate rotation. */
final class LogFollowerTest {
  @TempDir
  Path dir;

  @Test
  void startsAtTheEndUnlessAskedToReadFromTheStart() throws IOException {
    Path log = dir.resolve("auth.log");
    append(log, "old 1\nold 2\n");

    try (LogFollower fromEnd = new LogFollower(log, false); LogFollower fromStart = new LogFollower(log, true)) {
      assertThat(fromEnd.poll()).isEmpty();
      assertThat(fromStart.poll()).containsExactly("old 1", "old 2");
      append(log, "new 1\n");
      assertThat(fromEnd.poll()).containsExactly("new 1");
      assertThat(fromStart.poll()).containsExactly("new 1");
    }
  }

  @Test
  void waitsForTheLineBreakOfAHalfWrittenLine() throws IOException {
    Path log = dir.resolve("auth.log");
    append(log, "");
    try (LogFollower follower = new LogFollower(log, true)) {
      append(log, "half");
      assertThat(follower.poll()).isEmpty();
      append(log, " done\r\nnext\n");
      assertThat(follower.poll()).containsExactly("half done", "next");
    }
  }

  @Test
  void followsRenameAndCreateReadingTheOldFileToItsEndFirst() throws IOException {
    Path log = dir.resolve("auth.log");
    append(log, "a\n");
    try (LogFollower follower = new LogFollower(log, true)) {
      assertThat(follower.poll()).containsExactly("a");
      append(log, "b\n");
      Files.move(log, dir.resolve("auth.log.1"));
      append(dir.resolve("auth.log.1"), "c (written by the daemon before it reopened)\n");
      assertThat(follower.poll()).as("between rename and create the old file is still followed")
          .containsExactly("b", "c (written by the daemon before it reopened)");
      append(log, "d\ne\n");
      assertThat(follower.poll()).containsExactly("d", "e");
      append(log, "f\n");
      assertThat(follower.poll()).containsExactly("f");
    }
  }

  @Test
  void rotationWhileThePathExistsAgainLosesNothing() throws IOException {
    Path log = dir.resolve("auth.log");
    append(log, "a\n");
    try (LogFollower follower = new LogFollower(log, true)) {
      assertThat(follower.poll()).containsExactly("a");
      append(log, "b\n");
      Files.move(log, dir.resolve("auth.log.1"));
      append(log, "c\n");
      assertThat(follower.poll()).containsExactly("b", "c");
    }
  }

  @Test
  void followsCopyTruncateFromTheStartOfTheEmptiedFile() throws IOException {
    Path log = dir.resolve("auth.log");
    append(log, "a long first line\nanother long line\n");
    try (LogFollower follower = new LogFollower(log, true)) {
      assertThat(follower.poll()).hasSize(2);
      Files.copy(log, dir.resolve("auth.log.1"));
      Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      append(log, "x\n");
      assertThat(follower.poll()).containsExactly("x");
      append(log, "y\n");
      assertThat(follower.poll()).containsExactly("y");
    }
  }

  @Test
  void aFileThatDoesNotExistYetIsReadFromItsStartOnceItAppears() throws IOException {
    Path log = dir.resolve("auth.log");
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThat(follower.poll()).isEmpty();
      append(log, "first\n");
      assertThat(follower.poll()).containsExactly("first");
    }
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
