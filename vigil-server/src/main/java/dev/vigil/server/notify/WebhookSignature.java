package dev.vigil.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Vigil-Signature} header of webhook deliveries, in the shape Stripe and GitHub use:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<raw body>" under the signing secret>}. Signing the
 * timestamp with the body lets a receiver refuse replays older than its tolerance. {@link #verify} is the
 * receiver's recipe, also written out in {@code docs/notifications.md}.
 */
public final class WebhookSignature {
  /** The header carrying the signature. */
  public static final String HEADER = "Vigil-Signature";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code time}. */
  public static String sign(String secret, Instant time, String body) {
    long t = time.getEpochSecond();
    return "t=" + t + ",v1=" + hmacHex(secret, t + "." + body);
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} made within {@code tolerance} of {@code now}.
   * Compares in constant time.
   */
  public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
    long t = -1;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t < 0 || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
  }

  static String hmacHex(String secret, String text) {
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
        text.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }
}
