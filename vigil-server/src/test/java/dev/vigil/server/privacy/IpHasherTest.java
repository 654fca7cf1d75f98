package dev.vigil.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Pseudonyms are plain HMAC-SHA-256 under the configured key, the same on every thread and every call. */
final class IpHasherTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void hash_isTheHmacOfTheCanonicalAddress() throws Exception {
    IpHasher hasher = new IpHasher(KEY);

    assertThat(hasher.hash(IpAddress.parse("2001:DB8:0:0:0:0:0:1"))).isEqualTo(hmac("2001:db8::1"));
    assertThat(hasher.hashUserAgent("Mozilla/5.0 (X11)")).isEqualTo(hmac("Mozilla/5.0 (X11)"));
  }

  @Test
  void hash_fromManyThreadsAtOnce_givesEachAddressItsOwnStableHash() throws Exception {
    IpHasher hasher = new IpHasher(KEY);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Boolean>> checks = IntStream.range(0, 2_000)
          .mapToObj(i -> pool.submit(() -> {
            String ip = "10.0." + (i % 256) + "." + (i / 256);
            return hasher.hash(IpAddress.parse(ip)).equals(hmac(ip));
          }))
          .toList();
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    }
  }

  @Test
  void constructor_refusesAShortKey() {
    assertThatThrownBy(() -> new IpHasher(new byte[16])).hasMessageContaining("at least 32 bytes");
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
