package dev.vigil.core.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.core.event.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Arbitrary bytes through each adapter: a record is an event, a skip, or an {@link InvalidEventException} — never
 * anything else (no NullPointerException, no NumberFormatException, no StackOverflowError from deep JSON).
 *
 * <p>The normal build replays the inputs committed under {@code FormatFuzzTestsInputs/<method>/} (samples of each
 * vendor) in well under a second. To fuzz one adapter for {@code maxDuration}:
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -pl vigil-core -Dtest=FormatFuzzTests#sshd}; findings are written next to the
 * inputs and then replayed by every build.
 */
final class FormatFuzzTests {
  private static final AdapterContext CONTEXT =
      new AdapterContext("fuzz", ZoneOffset.UTC, Instant.parse("2026-11-23T12:00:00Z"), true);

  @FuzzTest(maxDuration = "150s")
  void keycloak(byte[] input) {
    exercise(Format.KEYCLOAK, input);
  }

  @FuzzTest(maxDuration = "150s")
  void auth0(byte[] input) {
    exercise(Format.AUTH0, input);
  }

  @FuzzTest(maxDuration = "150s")
  void okta(byte[] input) {
    exercise(Format.OKTA, input);
  }

  @FuzzTest(maxDuration = "150s")
  void cloudtrail(byte[] input) {
    exercise(Format.CLOUDTRAIL, input);
  }

  @FuzzTest(maxDuration = "150s")
  void sshd(byte[] input) {
    exercise(Format.SSHD, input);
  }

  @FuzzTest(maxDuration = "150s")
  void ocsf(byte[] input) {
    exercise(Format.OCSF, input);
  }

  private static void exercise(Format format, byte[] input) {
    FormatReader reader = FormatReader.of(format, CONTEXT);
    for (FormatReader.Entry entry : reader.readAll(input)) {
      if ((entry.conversion() == null) == (entry.error() == null)) {
        throw new AssertionError("an entry is either converted/skipped or invalid: " + entry);
      }
    }
    try {
      reader.convertLine(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidEventException expected) {
      // the one failure a record may cause
    }
  }
}
