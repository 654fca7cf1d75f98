package dev.vigil.server.incident;

import dev.vigil.server.caller.InvalidRequestException;
import java.util.Locale;

/** An analyst's finding, as {@code "confirmed"} or {@code "false_positive"} in the ack request. */
enum Verdict {
  CONFIRMED(IncidentStatus.CONFIRMED),
  FALSE_POSITIVE(IncidentStatus.FALSE_POSITIVE);

  private final IncidentStatus status;

  Verdict(IncidentStatus status) {
    this.status = status;
  }

  IncidentStatus status() {
    return status;
  }

  static Verdict parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "confirmed" -> CONFIRMED;
      case "false_positive" -> FALSE_POSITIVE;
      default -> throw new InvalidRequestException("verdict must be \"confirmed\" or \"false_positive\": " + text);
    };
  }
}
