package dev.vigil.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.event.LoginEventWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The event parser on arbitrary bytes: it returns an event or throws {@link InvalidEventException}, nothing else
 * (no NumberFormatException, DateTimeException, StackOverflowError, ...), and what it returns survives a round trip
 * through {@link LoginEventWriter}.
 *
 * <p>A normal build runs only the seeds in {@code src/test/resources/dev/vigil/core/fuzz/LoginEventReaderFuzzTestInputs/}
 * (regression mode, a fraction of a second). To fuzz, see docs/SECURITY.md ("Fuzzing"):
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -pl vigil-core -Dtest=LoginEventReaderFuzzTest -Djazzer.max_duration=5m}.
 */
final class LoginEventReaderFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final LoginEventReader STRICT = LoginEventReader.strict(CLOCK);
  private static final LoginEventReader HTTP = LoginEventReader.withDefaultTenant("default", CLOCK);

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"\"eventId\"", "\"tenantId\"", "\"userId\"", "\"timestamp\"", "\"outcome\"", "\"SUCCESS\"",
      "\"FAILURE\"", "\"failureReason\"", "\"BAD_PASSWORD\"", "\"ip\"", "\"userAgent\"", "\"deviceId\"", "\"geo\"",
      "\"lat\"", "\"lon\"", "\"country\"", "\"asn\"", "\"authMethod\"", "\"sessionId\"", "\"attributes\"",
      "\"2026-11-01T08:00:00Z\"", "\"::ffff:1.2.3.4\"", "\"fe80::1%eth0\"", "\"192.0.2.1\"", "1e400", "-0", "\\u0000",
      "\\ud800"})
  void readsAnEventOrRefusesItWithATypedException(byte[] input) {
    for (LoginEventReader reader : new LoginEventReader[] {STRICT, HTTP}) {
      LoginEvent event;
      try {
        event = reader.read(input, 0, input.length);
      } catch (InvalidEventException refused) {
        assertThat(refused.getMessage()).isNotBlank();
        continue;
      }
      LoginEvent again = LoginEventReader.lenientAboutTime().read(LoginEventWriter.toJson(event));
      assertThat(again).as("round trip of %s", event).isEqualTo(event);
    }
  }
}
