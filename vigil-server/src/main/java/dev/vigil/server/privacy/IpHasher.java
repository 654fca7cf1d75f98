package dev.vigil.server.privacy;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.IpAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises IP addresses with a keyed hash (HMAC-SHA-256 over the canonical text form), so that stored rows
 * can still be joined on "same address" while the address itself cannot be recovered without the key — an
 * unkeyed hash of the 2³² IPv4 addresses is reversed by enumeration in minutes. Thread-safe.
 */
public final class IpHasher {
  private static final String ALGORITHM = "HmacSHA256";
  /** Shorter keys weaken HMAC-SHA-256 below its 256-bit design strength. */
  public static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;
  /**
   * A keyed MAC never used itself, only cloned: a clone carries the key schedule, which is cheaper than looking up
   * the provider and keying a new instance on every login (Mac instances are not thread-safe to share).
   */
  private final Mac prototype;

  /**
   * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
   */
  public IpHasher(byte[] key) {
    requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "vigil.privacy.hmac-key must be at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.prototype = keyedMac();
  }

  /** The lowercase hex HMAC-SHA-256 of the address's canonical form (64 characters). */
  public String hash(IpAddress ip) {
    requireNonNull(ip, "ip");
    return HexFormat.of().formatHex(newMac().doFinal(ip.canonical().getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * The lowercase hex HMAC-SHA-256 of a user agent header under the same key: rows can still be grouped by "same
   * browser build" after the raw header is gone, without the header being recoverable.
   */
  public String hashUserAgent(String userAgent) {
    requireNonNull(userAgent, "userAgent");
    return HexFormat.of().formatHex(newMac().doFinal(userAgent.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return keyedMac(); // a provider whose MAC cannot be cloned
    }
  }

  private Mac keyedMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "IpHasher[key=redacted]";
  }
}
