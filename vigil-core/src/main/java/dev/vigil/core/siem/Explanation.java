package dev.vigil.core.siem;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.signal.Signal;
import java.util.StringJoiner;

/** The one-line, human explanation of a decision that {@code vigil tail}, syslog and CEF show. */
public final class Explanation {
  private Explanation() {}

  /**
   * E.g. {@code DENY score 92 CRITICAL: alice FAILURE from 203.0.113.5: BRUTE_FORCE 6 failures in 15 min; NEW_IP …}.
   * Control characters (an attacker-chosen user name may hold line breaks) are shown as {@code \n}, {@code \r},
   * {@code \t} or {@code ?}, so one assessment is always one line.
   */
  public static String line(Assessment assessment, LoginEvent event) {
    return assessment.decision() + " score " + assessment.score() + " " + assessment.level() + ": "
        + clean(assessment.userId()) + " " + assessment.outcome()
        + (event.failureReason() == null ? "" : " (" + event.failureReason() + ")") + " from " + event.ip().canonical() + ": "
        + reasons(assessment);
  }

  /** The signals, strongest first: {@code TYPE detail; TYPE detail}; {@code no signals} when there are none. */
  public static String reasons(Assessment assessment) {
    return clean(rawReasons(assessment));
  }

  /** {@link #reasons} with control characters left in, for formats that escape them their own way (CEF). */
  static String rawReasons(Assessment assessment) {
    if (assessment.signals().isEmpty()) {
      return "no signals";
    }
    StringJoiner joined = new StringJoiner("; ");
    for (Signal signal : assessment.signals()) {
      joined.add(signal.type() + " " + signal.detail());
    }
    return joined.toString();
  }

  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != 0x7F) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      out.append(switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> "?";
      });
    }
    return out == null ? text : out.toString();
  }
}
