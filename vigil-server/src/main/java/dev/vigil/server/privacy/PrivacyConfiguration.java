package dev.vigil.server.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link IpHasher} from {@code vigil.privacy}, generating a key file on first start. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyConfiguration.class);

  @Bean
  IpHasher ipHasher(PrivacySettings settings) throws IOException {
    String configured = settings.hmacKey();
    if (configured != null && !configured.isBlank()) {
      return new IpHasher(decode(configured.strip(), "vigil.privacy.hmac-key"));
    }
    return new IpHasher(loadOrCreate(settings.hmacKeyFile()));
  }

  /**
   * Reads the base64 key in {@code file}, or writes a fresh random one there (owner-only permissions) when the
   * file does not exist yet. Losing the file makes stored IP hashes unmatchable with new ones.
   */
  static byte[] loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return decode(Files.readString(file).strip(), file.toString());
    }
    byte[] key = new byte[IpHasher.MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's own access rules apply.
    }
    LOG.info("generated a new IP hashing key in {}", file);
    return key;
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the HMAC key in " + source + " is not valid base64", e);
    }
  }
}
