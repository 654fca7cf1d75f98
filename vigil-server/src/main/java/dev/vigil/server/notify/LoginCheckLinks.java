package dev.vigil.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and checks the "was this you?" links. A token is {@code base64url(claims JSON) "." base64url(HMAC-SHA-256
 * of the first part)}: bound to tenant, user, login event and alert, and to an expiry. Nothing is stored for an
 * issued token; single use is enforced when it is used ({@code notification_link_uses}). Tokens are bearer
 * secrets: never logged.
 */
final class LoginCheckLinks {
  private static final Logger LOG = LoggerFactory.getLogger(LoginCheckLinks.class);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  static final int MIN_SECRET_CHARS = 32;

  private final byte[] key;
  private final URI baseUrl;
  private final Duration ttl;

  LoginCheckLinks(NotifySettings.Links settings) {
    String secret = settings.secret();
    if (secret == null || secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      this.key = random;
      LOG.warn("vigil.notify.links.secret is not set: \"was this you?\" links are signed with a random key and "
          + "stop working when this process restarts");
    } else if (secret.length() < MIN_SECRET_CHARS) {
      throw new IllegalArgumentException(
          "vigil.notify.links.secret must be at least " + MIN_SECRET_CHARS + " characters, got " + secret.length());
    } else {
      this.key = secret.getBytes(StandardCharsets.UTF_8);
    }
    String base = settings.baseUrl().toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
    this.ttl = settings.ttl();
  }

  /** The claims of a link sent now about {@code alert}. */
  Claims claimsFor(Notice.AlertSummary alert, Instant now) {
    return new Claims(alert.tenantId(), alert.userId(), alert.eventId(), alert.alertId(), now.plus(ttl));
  }

  URI confirmUrl(Claims claims) {
    return baseUrl.resolve("notify/confirm/" + token(claims));
  }

  URI reportUrl(Claims claims) {
    return baseUrl.resolve("notify/report/" + token(claims));
  }

  String token(Claims claims) {
    String body = B64.encodeToString(Outbox.JSON.createObjectNode()
        .put("t", claims.tenantId()).put("u", claims.userId()).put("e", claims.eventId())
        .put("a", claims.alertId()).put("x", claims.expiresAt().getEpochSecond())
        .toString().getBytes(StandardCharsets.UTF_8));
    return body + "." + B64.encodeToString(WebhookSignature.hmac(key, body.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Checks the signature, then the expiry. */
  Verification verify(String token, Instant now) {
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return new Verification.Invalid();
    }
    String body = token.substring(0, dot);
    byte[] signature;
    Claims claims;
    try {
      signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, WebhookSignature.hmac(key, body.getBytes(StandardCharsets.US_ASCII)))) {
        return new Verification.Invalid();
      }
      JsonNode json = Outbox.JSON.readTree(B64D.decode(body));
      claims = new Claims(json.path("t").asText(), json.path("u").asText(), json.path("e").asText(),
          json.path("a").asLong(), Instant.ofEpochSecond(json.path("x").asLong()));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return new Verification.Invalid();
    }
    return now.isBefore(claims.expiresAt()) ? new Verification.Valid(claims) : new Verification.Expired();
  }

  /** What a token says. {@code toString()} leaves out the user. */
  record Claims(String tenantId, String userId, String eventId, long alertId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Claims[tenant=" + tenantId + ", eventId=" + eventId + ", alertId=" + alertId + "]";
    }
  }

  sealed interface Verification {
    record Valid(Claims claims) implements Verification {}

    record Expired() implements Verification {}

    record Invalid() implements Verification {}
  }
}
