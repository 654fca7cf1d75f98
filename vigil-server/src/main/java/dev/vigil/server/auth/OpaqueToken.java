package dev.vigil.server.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A bearer secret in "selector.verifier" form (refresh tokens, MFA challenge ids). The selector is the row's id
 * and may be looked up in an index; only the SHA-256 of the 256-bit verifier is stored, and it is compared in
 * constant time ({@link MessageDigest#isEqual}), so neither a database leak nor response timing gives a usable
 * token away.
 *
 * @param id the selector, the row's primary key
 * @param verifier the secret half; never stored, never logged
 */
record OpaqueToken(UUID id, byte[] verifier) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final int VERIFIER_BYTES = 32;

  static OpaqueToken generate() {
    byte[] verifier = new byte[VERIFIER_BYTES];
    RANDOM.nextBytes(verifier);
    return new OpaqueToken(UUID.randomUUID(), verifier);
  }

  /** Parses the text a client sent back; empty when it is not of our form. */
  static Optional<OpaqueToken> parse(String text) {
    int dot = text.indexOf('.');
    if (dot < 0 || text.length() > 200) {
      return Optional.empty();
    }
    try {
      ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text.substring(0, dot)));
      byte[] verifier = Base64.getUrlDecoder().decode(text.substring(dot + 1));
      if (id.remaining() != 16 || verifier.length != VERIFIER_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new OpaqueToken(new UUID(id.getLong(), id.getLong()), verifier));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The text handed to the client. */
  String text() {
    ByteBuffer id = ByteBuffer.allocate(16).putLong(this.id.getMostSignificantBits())
        .putLong(this.id.getLeastSignificantBits());
    return ENCODER.encodeToString(id.array()) + "." + ENCODER.encodeToString(verifier);
  }

  /** What is stored: SHA-256 of the verifier. */
  byte[] verifierHash() {
    return sha256(verifier);
  }

  /** Whether this token's verifier hashes to {@code storedHash}, compared in constant time. */
  boolean matches(byte[] storedHash) {
    return MessageDigest.isEqual(verifierHash(), storedHash);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "OpaqueToken[id=" + id + ", verifier=redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OpaqueToken that && id.equals(that.id) && MessageDigest.isEqual(verifier, that.verifier);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
