package dev.vigil.core.siem;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.signal.Signal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

/**
 * RFC 5424 syslog messages: {@code <PRI>1 TIMESTAMP HOSTNAME vigil - MSGID [vigil@32473 …] MSG}.
 *
 * <p>Facility authpriv (10): the messages name users. Severity follows the decision and level: an allowed login is
 * informational (6); otherwise MEDIUM notice (5), HIGH warning (4), CRITICAL critical (2), LOW notice (5). MSGID is
 * the decision. TIMESTAMP is the event time in UTC, to the millisecond. The structured-data element
 * {@code vigil@32473} (32473 is the example enterprise number of RFC 5612; an operator who registered their own may
 * rewrite it) carries {@code eventId}, {@code tenant}, {@code user}, {@code src}, {@code outcome}, {@code score},
 * {@code level}, {@code decision}, {@code signals}; its values escape {@code "}, {@code \} and {@code ]} with a
 * backslash (RFC 5424 §6.3.3). MSG is the one-line {@link Explanation}. HOSTNAME is the configured name with
 * characters outside printable US-ASCII replaced, or {@code -}.
 */
final class SyslogFormatter implements AssessmentFormatter {
  static final int FACILITY_AUTHPRIV = 10;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private final String hostname;

  SyslogFormatter(OutputContext context) {
    this.hostname = printable(context.hostname(), 255);
  }

  @Override
  public String format(Assessment a, LoginEvent event) {
    StringBuilder line = new StringBuilder(512);
    line.append('<').append(FACILITY_AUTHPRIV * 8 + severity(a)).append(">1 ")
        .append(TIME.format(a.timestamp().truncatedTo(ChronoUnit.MILLIS))).append(' ')
        .append(hostname).append(" vigil - ").append(a.decision().name()).append(" [vigil@32473");
    param(line, "eventId", a.eventId());
    param(line, "tenant", a.tenantId());
    param(line, "user", a.userId());
    param(line, "src", event.ip().canonical());
    param(line, "outcome", a.outcome().name());
    param(line, "score", Integer.toString(a.score()));
    param(line, "level", a.level().name());
    param(line, "decision", a.decision().name());
    StringJoiner types = new StringJoiner(",");
    for (Signal signal : a.signals()) {
      types.add(signal.type().name());
    }
    param(line, "signals", types.toString());
    line.append("] ").append(Explanation.line(a, event));
    return line.toString();
  }

  static int severity(Assessment a) {
    if (a.decision() == dev.vigil.core.policy.Decision.ALLOW) {
      return 6;
    }
    return switch (a.level()) {
      case LOW, MEDIUM -> 5;
      case HIGH -> 4;
      case CRITICAL -> 2;
    };
  }

  private static void param(StringBuilder line, String name, String value) {
    line.append(' ').append(name).append("=\"");
    String clean = Explanation.clean(value);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c == '"' || c == '\\' || c == ']') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }

  /** RFC 5424 header fields are printable US-ASCII (33–126); anything else becomes {@code _}. */
  static String printable(String value, int maxLength) {
    if (value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
    for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
      char c = value.charAt(i);
      out.append(c >= 33 && c <= 126 ? c : '_');
    }
    return out.toString();
  }
}
