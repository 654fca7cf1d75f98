package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receiver's verification recipe, as documented in docs/notifications.md. */
final class WebhookSignatureTest {
  private static final String SECRET = "whsec-test";
  private static final String BODY = "{\"id\":\"ntf_1\",\"type\":\"security.alert.created\"}";
  private static final Instant SENT = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void signsTimestampDotBodyWithHmacSha256AsHex() {
    String header = WebhookSignature.sign(SECRET, SENT, BODY);

    assertThat(header).isEqualTo("t=" + SENT.getEpochSecond() + ",v1="
        + WebhookSignature.hmacHex(SECRET, SENT.getEpochSecond() + "." + BODY));
    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
  }

  @Test
  void acceptsTheSignatureOfTheExactBodyWithinTolerance() {
    String header = WebhookSignature.sign(SECRET, SENT, BODY);

    assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void refusesAnAlteredBodyAnotherSecretOrAReplayOutsideTolerance() {
    String header = WebhookSignature.sign(SECRET, SENT, BODY);

    assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("ntf_1", "ntf_2"), SENT, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify("other", header, BODY, SENT, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, Duration.ofMinutes(5))).isFalse();
  }
}
