package dev.vigil.streams;

import java.util.List;
import java.util.regex.Pattern;

/** The topic names Vigil reads and writes; fixed so that every deployment and consumer agrees on them. */
public final class Topics {
  /** Every assessment, AssessmentJson, keyed by tenant+user. */
  public static final String ASSESSMENTS = "vigil.assessments";
  /** Assessments at MEDIUM or above, or challenged/denied, or from a network over the spray threshold. */
  public static final String ALERTS = "vigil.alerts";
  /** DENY decisions as CloudEvents 1.0 JSON envelopes. */
  public static final String BLOCKED = "security.login.blocked";
  /** Input records that are not login events, unchanged, with the reason in headers. */
  public static final String DEAD_LETTER = "vigil.dead-letter";
  /** Per-network failure counts in event-time windows (the second sub-topology's output, read back globally). */
  public static final String NETWORK_FAILURES = "vigil.network-failures";

  /** Every topic this application writes (internal topics aside). */
  public static final List<String> OUTPUTS = List.of(ASSESSMENTS, ALERTS, BLOCKED, DEAD_LETTER, NETWORK_FAILURES);

  /**
   * The default input pattern: {@code security.login.*} except Vigil's own outbound {@code security.login.blocked}
   * and {@code security.login.rollback}, which would otherwise be read back as (malformed) login events.
   */
  public static final Pattern DEFAULT_INPUT = Pattern.compile("security\\.login\\.(?!blocked$|rollback$).+");

  private Topics() {}

  /**
   * Refuses an input pattern that matches one of Vigil's output topics or {@code security.login.rollback}: the
   * application would consume its own output.
   *
   * @throws IllegalArgumentException naming the topic the pattern matches
   */
  static Pattern checkedInput(Pattern input) {
    for (String topic : List.of(ASSESSMENTS, ALERTS, BLOCKED, DEAD_LETTER, NETWORK_FAILURES, "security.login.rollback")) {
      if (input.matcher(topic).matches()) {
        throw new IllegalArgumentException("input pattern must not match the output topic " + topic + ": " + input);
      }
    }
    return input;
  }
}
