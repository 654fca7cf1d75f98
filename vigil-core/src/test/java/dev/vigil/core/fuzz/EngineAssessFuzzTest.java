package dev.vigil.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.RiskLevel;
import java.time.Instant;

/**
 * The engine on arbitrary sequences of parsed events: a handful of logins of a few users, each field either a
 * plausible value or fuzzer-chosen text, read by the real parser and assessed by one engine. Whatever the parser
 * accepts, {@link VigilEngine#assess} answers with a consistent assessment; it throws nothing, and no detector
 * fails (the engine counts and skips a failing detector, which would hide the bug).
 *
 * <p>The engine is renewed every {@value #EVENTS_PER_ENGINE} events so that a long run measures the code, not the
 * growth of its profiles. Longer runs: docs/SECURITY.md ("Fuzzing").
 */
final class EngineAssessFuzzTest {
  private static final int EVENTS_PER_ENGINE = 20_000;
  private static final LoginEventReader READER = LoginEventReader.lenientAboutTime();
  private static final String[] IPS = {"81.2.69.160", "81.2.69.161", "2001:db8::1", "::ffff:81.2.69.160", "10.0.0.1",
      "127.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "fe80::1", "2001:db8:0:0:0:0:2:1", "100.64.0.1"};
  private static final String[] OUTCOMES = {"SUCCESS", "FAILURE"};
  private static final String[] REASONS = {"BAD_PASSWORD", "UNKNOWN_USER", "LOCKED", "MFA_FAILED", "OTHER"};

  private static VigilEngine engine = VigilEngine.builder().build();
  private static int assessed;

  @FuzzTest(maxDuration = "5m")
  void assessesEveryParsedEventWithoutThrowingOrFailingADetector(FuzzedDataProvider data) {
    int events = data.consumeInt(1, 8);
    long base = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < events && data.remainingBytes() > 0; i++) {
      String json = event(data, base);
      LoginEvent event;
      try {
        event = READER.read(json);
      } catch (InvalidEventException refused) {
        continue;
      }
      if (++assessed % EVENTS_PER_ENGINE == 0) {
        engine = VigilEngine.builder().build();
      }
      long failuresBefore = engine.detectorFailures();

      Assessment assessment = engine.assess(event);

      assertThat(engine.detectorFailures()).as("a detector threw on %s", json).isEqualTo(failuresBefore);
      assertThat(assessment.score()).isBetween(0, 100);
      assertThat(assessment.level()).isEqualTo(RiskLevel.of(assessment.score()));
      assertThat(assessment.eventId()).isEqualTo(event.eventId());
    }
  }

  private static String event(FuzzedDataProvider data, long base) {
    StringBuilder json = new StringBuilder("{\"tenantId\":\"t\"");
    json.append(",\"userId\":").append(quote(data.consumeBoolean() ? "u" + data.consumeInt(0, 3)
        : data.consumeString(40)));
    long offset = data.consumeBoolean() ? data.consumeLong(0, 90L * 86_400) : data.consumeLong();
    json.append(",\"timestamp\":").append(data.consumeBoolean() ? quote(safeInstant(base, offset))
        : quote(data.consumeString(40)));
    String outcome = data.pickValue(OUTCOMES);
    json.append(",\"outcome\":").append(quote(outcome));
    if (outcome.equals("FAILURE") && data.consumeBoolean()) {
      json.append(",\"failureReason\":").append(quote(data.pickValue(REASONS)));
    }
    json.append(",\"ip\":").append(quote(data.consumeBoolean() ? data.pickValue(IPS) : data.consumeString(45)));
    if (data.consumeBoolean()) {
      json.append(",\"userAgent\":").append(quote(data.consumeString(300)));
    }
    if (data.consumeBoolean()) {
      json.append(",\"deviceId\":").append(quote(data.consumeString(20)));
    }
    if (data.consumeBoolean()) {
      json.append(",\"geo\":{\"lat\":").append(data.consumeRegularDouble(-100, 100))
          .append(",\"lon\":").append(data.consumeRegularDouble(-200, 200))
          .append(",\"country\":").append(quote(data.consumeString(3))).append('}');
    }
    if (data.consumeBoolean()) {
      json.append(",\"authMethod\":").append(quote(data.consumeString(20)));
    }
    return json.append('}').toString();
  }

  private static String safeInstant(long base, long offset) {
    long clamped = Math.max(-40_000_000_000_000_000L, Math.min(40_000_000_000_000_000L, offset));
    long seconds = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), base + clamped));
    return Instant.ofEpochSecond(seconds).toString();
  }

  /** A JSON string literal; every character outside printable ASCII escaped, so lone surrogates reach the parser. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
