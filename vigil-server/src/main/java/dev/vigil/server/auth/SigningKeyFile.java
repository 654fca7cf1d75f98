package dev.vigil.server.auth;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access-token signing key on disk: read when the file exists, otherwise generated and written owner-only
 * (mode 600, set atomically at creation so the key is never readable by others, not even for a moment). The key
 * itself is never logged; a lost file only logs everybody out (their access tokens no longer verify).
 */
final class SigningKeyFile {
  /** HS256 needs a key at least as long as its output. */
  static final int MIN_KEY_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);

  private SigningKeyFile() {}

  /** The configured base64 key, or the one in {@code file} (created on first start). */
  static byte[] load(AuthSettings settings) throws IOException {
    String configured = settings.signingKey();
    if (configured != null && !configured.isBlank()) {
      return checked(decode(configured.strip(), "vigil.auth.signing-key"), "vigil.auth.signing-key");
    }
    return loadOrCreate(settings.signingKeyFile());
  }

  static byte[] loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return checked(decode(Files.readString(file).strip(), file.toString()), file.toString());
    }
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file); // not a POSIX file system (Windows): the directory's access rules apply
      }
    } catch (FileAlreadyExistsException e) {
      return loadOrCreate(file); // another process won the race: use its key
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    LOG.info("generated a new access-token signing key in {}", file);
    return key;
  }

  private static byte[] checked(byte[] key, String source) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the signing key in " + source + " must be at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    return key;
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signing key in " + source + " is not valid base64", e);
    }
  }
}
