package dev.vigil.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PrivacyConfigurationTest {
  @TempDir
  Path dir;

  @Test
  void generatesAnOwnerOnlyKeyFileOnFirstStartAndReusesItAfterwards() throws Exception {
    Path file = dir.resolve("data/hmac.key");

    byte[] first = PrivacyConfiguration.loadOrCreate(file);
    byte[] again = PrivacyConfiguration.loadOrCreate(file);

    assertThat(first).hasSize(IpHasher.MIN_KEY_BYTES);
    assertThat(again).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void hashesTheSameAddressAlikeUnderOneKeyAndDifferentlyUnderAnother() {
    IpHasher one = new IpHasher(new byte[32]);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    IpHasher other = new IpHasher(otherKey);
    IpAddress ip = IpAddress.parse("81.2.69.160");

    assertThat(one.hash(ip)).isEqualTo(one.hash(IpAddress.parse("81.2.69.160"))).hasSize(64);
    assertThat(other.hash(ip)).isNotEqualTo(one.hash(ip));
  }

  @Test
  void refusesAKeyShorterThan256Bits() {
    assertThatThrownBy(() -> new IpHasher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }
}
