package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SigningKeyFileTest {
  @TempDir
  Path dir;

  @Test
  void loadOrCreate_noFile_writesAnOwnerOnlyKeyAndReadsTheSameOneLater() throws Exception {
    Path file = dir.resolve("data/jwt-signing.key");

    byte[] created = SigningKeyFile.loadOrCreate(file);

    assertThat(created).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SigningKeyFile.loadOrCreate(file)).isEqualTo(created);
  }

  @Test
  void loadOrCreate_shortKey_isRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("short.key");
    Files.writeString(file, "c2hvcnQ=");

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("short.key").hasMessageContaining("at least 32 bytes");
  }
}
