package dev.vigil.core.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A fast path for the one timestamp form nearly every event carries, {@code 2026-11-01T08:15:30Z} with an optional
 * fraction of up to nine digits. {@link Instant#parse} goes through the general {@code DateTimeFormatter}
 * machinery and was the largest single cost of reading an event (a JFR profile of {@code /api/v1/assess} put it
 * above the engine's own assessment). Anything else — offsets, lower-case letters, leap seconds, out-of-range
 * fields — is left to the general parser, which also words the error.
 */
final class UtcTimestamps {
  private static final int SHORTEST = "2026-11-01T08:15:30Z".length();

  private UtcTimestamps() {}

  /** The instant, or null when {@code text} is not in the plain UTC form (then use the general parser). */
  static @Nullable Instant parse(String text) {
    int length = text.length();
    if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > SHORTEST) {
      // ".d" up to ".ddddddddd" before the Z
      int fractionDigits = length - SHORTEST - 1;
      if (text.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      nanos = digits(text, 20, fractionDigits);
      if (nanos < 0) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}; -1 when one of them is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
