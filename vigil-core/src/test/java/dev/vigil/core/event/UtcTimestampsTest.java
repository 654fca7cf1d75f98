package dev.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path agrees with {@link Instant#parse} wherever it answers, and leaves every other form to it. */
final class UtcTimestampsTest {

  @Test
  void parse_plainUtcForms_matchInstantParse() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      if (text.length() > 30 || text.startsWith("-") || text.startsWith("+")) {
        continue; // years outside 0000-9999 are not the plain form
      }
      assertThat(UtcTimestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void parse_fractionsOfEveryLength_keepTheirScale() {
    assertThat(UtcTimestamps.parse("2026-11-01T08:15:30.5Z")).isEqualTo(Instant.parse("2026-11-01T08:15:30.500Z"));
    assertThat(UtcTimestamps.parse("2026-11-01T08:15:30.123456789Z"))
        .isEqualTo(Instant.parse("2026-11-01T08:15:30.123456789Z"));
  }

  @Test
  void parse_otherOrInvalidForms_areLeftToTheGeneralParser() {
    for (String text : new String[] {
        "2026-11-01T08:15:30+02:00", "2026-11-01t08:15:30z", "2026-02-30T08:15:30Z", "2026-13-01T08:15:30Z",
        "2026-11-01T24:00:00Z", "2026-11-01T23:59:60Z", "2026-11-01T08:15:30.Z", "2026-11-01T08:15:30.1234567890Z",
        "2026-11-01T08:15Z", "2026-11-01 08:15:30Z", "2026-1a-01T08:15:30Z", "+2026-11-01T08:15:30Z",
        "2026-11-01T08:15:30,5Z"}) {
      assertThat(UtcTimestamps.parse(text)).as(text).isNull();
    }
  }

  @Test
  void reader_rejectsAnImpossibleDateWithTheGeneralMessage() {
    String line = """
        {"eventId":"e1","tenantId":"t","userId":"u","timestamp":"2026-02-30T08:15:30Z","outcome":"SUCCESS",\
        "ip":"81.2.69.10"}""";
    try {
      LoginEventReader.lenientAboutTime().read(line);
      throw new AssertionError("accepted February 30th");
    } catch (InvalidEventException e) {
      assertThat(e.getMessage()).contains("timestamp");
    } catch (DateTimeParseException e) {
      throw new AssertionError("leaked a parser exception", e);
    }
  }
}
