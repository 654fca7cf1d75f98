package dev.vigil.server.enforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets the customer's own system carry out account actions: each action (and each undo) is one signed
 * {@code POST} of JSON to the configured URL, and any 2xx means done.
 *
 * <p>Signature: header {@value #TIMESTAMP_HEADER} holds the Unix time in seconds, header
 * {@value #SIGNATURE_HEADER} holds {@code v1=} + hex HMAC-SHA-256 under the shared secret of
 * {@code timestamp + "." + body}. The receiver recomputes it over the raw body and refuses a timestamp older
 * than a few minutes, so a captured request cannot be replayed later. Body:
 * <pre>{@code
 * {"id":"…","action":"FREEZE","undo":false,"tenant":"acme","target":{"kind":"user","id":"alice"},
 *  "sessionIds":[],"incidentId":"…","traceId":"…"}
 * }</pre>
 * For a forced logout the receiver may answer {@code {"revokedSessionIds":[…]}}; an undo then carries them back
 * in {@code revokedSessionIds} so it can restore them.
 */
final class WebhookEnforcer implements Enforcer {
  static final String TIMESTAMP_HEADER = "Vigil-Timestamp";
  static final String SIGNATURE_HEADER = "Vigil-Signature";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final SecretKeySpec secret;
  private final Duration timeout;
  private final HttpClient http;
  private final Clock clock;

  WebhookEnforcer(URI url, byte[] secret, Duration timeout, Clock clock) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("vigil.enforce.webhook.secret must be at least 16 bytes");
    }
    this.url = url;
    this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.timeout = timeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Applied apply(EnforcementRequest request) {
    JsonNode answer = send(body(request, false, List.of()));
    List<String> revoked = new ArrayList<>();
    answer.path("revokedSessionIds").forEach(id -> revoked.add(id.asText()));
    return new Applied(true, revoked, null, "accepted by the webhook");
  }

  @Override
  public void undo(EnforcementRequest request, Applied applied) {
    send(body(request, true, applied.revokedSessionIds()));
  }

  private String body(EnforcementRequest request, boolean undo, List<String> revoked) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", UUID.randomUUID().toString());
    root.put("action", request.action().name());
    root.put("undo", undo);
    root.put("tenant", request.tenantId());
    ObjectNode target = root.putObject("target");
    target.put("kind", request.target().kind().label());
    target.put("id", request.target().id());
    request.sessionIds().forEach(root.putArray("sessionIds")::add);
    if (undo) {
      revoked.forEach(root.putArray("revokedSessionIds")::add);
    }
    root.put("incidentId", request.incidentId());
    root.put("traceId", request.traceId());
    return root.toString();
  }

  private JsonNode send(String body) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(TIMESTAMP_HEADER, timestamp)
        .header(SIGNATURE_HEADER, "v1=" + sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EnforcementFailedException("webhook unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnforcementFailedException("interrupted while calling the webhook", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new EnforcementFailedException("webhook answered HTTP " + response.statusCode());
    }
    try {
      String text = response.body();
      return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode(); // 2xx with a body that is not JSON: done, nothing to remember
    }
  }

  /** Hex HMAC-SHA-256 of {@code timestamp + "." + body}. */
  String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookEnforcer[secret=redacted]";
  }
}
