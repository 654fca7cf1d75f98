package dev.vigil.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnapshotFileTest {
  @TempDir Path dir;

  @Test
  void startsAnEmptyEngineWhenNoSnapshotExistsYet() throws IOException {
    SnapshotFile snapshot = new SnapshotFile(dir.resolve("state.snapshot"));

    VigilEngine engine = snapshot.buildEngine(VigilEngine.builder());

    assertThat(snapshot.exists()).isFalse();
    assertThat(engine.profileCount()).isZero();
  }

  @Test
  void savesIntoMissingDirectoriesAndLeavesNoTemporaryFileBehind() throws IOException {
    SnapshotFile snapshot = new SnapshotFile(dir.resolve("state/nightly.snapshot"));

    snapshot.save(VigilEngine.builder().build());

    assertThat(snapshot.exists()).isTrue();
    try (Stream<Path> files = Files.list(dir.resolve("state"))) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("nightly.snapshot");
    }
  }

  @Test
  void replacesAPreviousSnapshotAndRestoresFromIt() throws IOException {
    SnapshotFile snapshot = new SnapshotFile(dir.resolve("state.snapshot"));
    Files.writeString(snapshot.file(), "an older snapshot");

    snapshot.save(VigilEngine.builder().build());
    VigilEngine restored = snapshot.buildEngine(VigilEngine.builder());

    assertThat(Files.readString(snapshot.file())).isNotEqualTo("an older snapshot");
    assertThat(restored.profileCount()).isZero();
  }
}
