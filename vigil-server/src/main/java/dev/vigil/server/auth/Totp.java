package dev.vigil.server.auth;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps compute them: RFC 6238 over RFC 4226's HOTP with
 * HMAC-SHA1, 30-second steps, 6 digits. A code is accepted for the current step and one step either side (clock
 * drift and typing time); the caller stores the matched step and refuses codes of that step or earlier, so a
 * code observed over a shoulder cannot be replayed.
 */
final class Totp {
  static final long STEP_SECONDS = 30;
  static final int DIGITS = 6;
  static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation for SHA-1
  private static final int DRIFT_STEPS = 1;
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** The time step of an instant (RFC 6238's T). */
  static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one step, zero-padded to six digits. */
  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0F;
      int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
          | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
    }
  }

  /**
   * The step whose code {@code code} is, within one step of {@code now} and after {@code lastUsedStep}; empty
   * when none matches. Every candidate is compared in constant time.
   */
  static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
    String digits = code.strip();
    if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long matched = -1;
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
          digits.getBytes(StandardCharsets.US_ASCII));
      if (equal && step > lastUsedStep && matched < 0) {
        matched = step;
      }
    }
    return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 0x1F]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 0x1F]);
    }
    return out.toString();
  }

  /** The {@code otpauth://} URI that authenticator apps read from a QR code (Google's Key URI Format). */
  static String uri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
