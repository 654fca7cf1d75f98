package dev.vigil.server.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.policy.Action;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed-webhook adapter against a real HTTP server (mockwebserver3). */
final class WebhookEnforcerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "a-shared-secret-of-32-bytes-long";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private final MockWebServer server = new MockWebServer();
  private WebhookEnforcer enforcer;

  @BeforeEach
  void start() throws Exception {
    server.start();
    enforcer = new WebhookEnforcer(server.url("/vigil/actions").uri(), SECRET.getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(2), CLOCK);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsTheActionSignedOverTimestampAndBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    enforcer.apply(freezeAlice());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    String body = request.getBody().utf8();
    String timestamp = request.getHeaders().get("Vigil-Timestamp");
    assertThat(timestamp).isEqualTo("1795428000");
    assertThat(request.getHeaders().get("Vigil-Signature")).isEqualTo("v1=" + hmac(timestamp + "." + body));
    JsonNode json = JSON.readTree(body);
    assertThat(json.path("action").asText()).isEqualTo("FREEZE");
    assertThat(json.path("undo").asBoolean()).isFalse();
    assertThat(json.path("tenant").asText()).isEqualTo("acme");
    assertThat(json.path("target").path("kind").asText()).isEqualTo("user");
    assertThat(json.path("target").path("id").asText()).isEqualTo("alice");
    assertThat(json.path("incidentId").asText()).isEqualTo("inc-1");
    assertThat(json.path("traceId").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
  }

  @Test
  void aSignatureOverADifferentBodyDoesNotMatch() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    enforcer.apply(freezeAlice());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    String timestamp = request.getHeaders().get("Vigil-Timestamp");
    String tampered = request.getBody().utf8().replace("alice", "mallory");
    assertThat(request.getHeaders().get("Vigil-Signature")).isNotEqualTo("v1=" + hmac(timestamp + "." + tampered));
  }

  @Test
  void undoOfAForcedLogoutSendsBackTheSessionsTheReceiverRevoked() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"revokedSessionIds\":[\"s-1\",\"s-2\"]}").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    EnforcementRequest logout = new EnforcementRequest("acme", Action.FORCE_LOGOUT, Target.user("alice"), List.of(),
        "inc-1", "0123456789abcdef0123456789abcdef");

    Applied applied = enforcer.apply(logout);
    enforcer.undo(logout, applied);

    assertThat(applied.revokedSessionIds()).containsExactly("s-1", "s-2");
    server.takeRequest(5, TimeUnit.SECONDS);
    JsonNode undo = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    assertThat(undo.path("undo").asBoolean()).isTrue();
    assertThat(undo.path("revokedSessionIds")).extracting(JsonNode::asText).containsExactly("s-1", "s-2");
  }

  @Test
  void aServerErrorFailsTheActionSoItIsRetried() {
    server.enqueue(new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> enforcer.apply(freezeAlice()))
        .isInstanceOf(EnforcementFailedException.class)
        .hasMessage("webhook answered HTTP 503");
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(enforcer.toString()).doesNotContain(SECRET);
  }

  private static EnforcementRequest freezeAlice() {
    return new EnforcementRequest("acme", Action.FREEZE, Target.user("alice"), List.of(), "inc-1",
        "0123456789abcdef0123456789abcdef");
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
