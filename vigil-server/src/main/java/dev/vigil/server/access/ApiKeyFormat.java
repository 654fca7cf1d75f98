package dev.vigil.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text form of an API key, {@code vgl_<id>_<secret>}: a recognisable prefix (so secret scanners and people can
 * tell what leaked), a 16-hex-digit public id used to look the key up, and 32 random bytes in base64url as the
 * secret. Only the SHA-256 of the secret is stored; with 256 random bits it cannot be reversed by guessing, so no
 * slow or keyed hash is needed.
 */
final class ApiKeyFormat {
  static final String PREFIX = "vgl_";
  private static final int SECRET_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
  /** Longest text worth parsing; anything longer is refused before any work. */
  private static final int MAX_LENGTH = PREFIX.length() + 16 + 1 + 43;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyFormat() {}

  /** A fresh key. */
  static PresentedKey generate() {
    byte[] id = new byte[8];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return new PresentedKey(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The key in {@code text}; empty when it is not of the form {@code vgl_<id>_<secret>}. */
  static Optional<PresentedKey> parse(String text) {
    if (text.length() != MAX_LENGTH || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String id = text.substring(PREFIX.length(), PREFIX.length() + 16);
    String secret = text.substring(PREFIX.length() + 17);
    if (text.charAt(PREFIX.length() + 16) != '_' || !ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return Optional.of(new PresentedKey(id, secret));
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** A key as sent by a caller or just generated. {@link #toString()} never shows the secret. */
  record PresentedKey(String id, String secret) {
    String text() {
      return PREFIX + id + "_" + secret;
    }

    /** Compares in constant time, so response times do not reveal how much of a guessed secret was right. */
    boolean matches(byte[] storedSha256) {
      return MessageDigest.isEqual(sha256(secret), storedSha256);
    }

    @Override
    public String toString() {
      return "PresentedKey[id=" + id + ", secret=redacted]";
    }
  }
}
