package dev.vigil.core.siem;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.signal.Signal;
import java.util.StringJoiner;

/**
 * ArcSight Common Event Format (CEF) version 0:
 * {@code CEF:0|Vigil|Vigil|VERSION|login-DECISION|NAME|SEVERITY|EXTENSION}.
 *
 * <p>Header fields escape {@code \} and {@code |} with a backslash; extension values escape {@code \} and
 * {@code =} and write line breaks as {@code \n} / {@code \r}, as the CEF specification requires, so an attacker's
 * user name cannot forge a field or a record. Severity 0–10 follows the level: LOW 3, MEDIUM 5, HIGH 8, CRITICAL 10.
 *
 * <p>Extension keys: {@code rt} (event time, epoch ms), {@code externalId} (eventId), {@code suser}, {@code src},
 * {@code act} (decision), {@code outcome} ({@code success}/{@code failure}), {@code reason} (failure reason),
 * {@code requestClientApplication} (user agent), {@code cn1} score, {@code cs1} tenant, {@code cs2} signal types,
 * {@code cs3} actions, {@code msg} the signals' explanations, each custom field with its {@code …Label}.
 */
final class CefFormatter implements AssessmentFormatter {
  private final String version;

  CefFormatter(OutputContext context) {
    this.version = header(context.productVersion());
  }

  @Override
  public String format(Assessment a, LoginEvent event) {
    StringBuilder line = new StringBuilder(512);
    line.append("CEF:0|Vigil|Vigil|").append(version).append('|')
        .append("login-").append(a.decision().name().toLowerCase(java.util.Locale.ROOT)).append('|')
        .append(header(name(a))).append('|')
        .append(severity(a)).append('|');
    StringJoiner ext = new StringJoiner(" ");
    put(ext, "rt", Long.toString(a.timestamp().toEpochMilli()));
    put(ext, "externalId", a.eventId());
    put(ext, "suser", a.userId());
    put(ext, "src", event.ip().canonical());
    put(ext, "act", a.decision().name());
    put(ext, "outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT));
    if (event.failureReason() != null) {
      put(ext, "reason", event.failureReason().name());
    }
    if (event.userAgent() != null) {
      put(ext, "requestClientApplication", event.userAgent());
    }
    put(ext, "cn1Label", "score");
    put(ext, "cn1", Integer.toString(a.score()));
    put(ext, "cs1Label", "tenant");
    put(ext, "cs1", a.tenantId());
    StringJoiner types = new StringJoiner(",");
    for (Signal signal : a.signals()) {
      types.add(signal.type().name());
    }
    put(ext, "cs2Label", "signals");
    put(ext, "cs2", types.toString());
    put(ext, "cs3Label", "actions");
    put(ext, "cs3", a.actions().stream().map(Enum::name).sorted().reduce((x, y) -> x + "," + y).orElse(""));
    put(ext, "msg", Explanation.rawReasons(a));
    return line.append(ext).toString();
  }

  static String name(Assessment a) {
    return "Login " + a.decision().name().toLowerCase(java.util.Locale.ROOT)
        + (a.signals().isEmpty() ? "" : ": " + a.signals().getFirst().type());
  }

  static int severity(Assessment a) {
    return switch (a.level()) {
      case LOW -> 3;
      case MEDIUM -> 5;
      case HIGH -> 8;
      case CRITICAL -> 10;
    };
  }

  private static void put(StringJoiner ext, String key, String value) {
    ext.add(key + "=" + extension(value));
  }

  /** Escapes a header field: {@code \} and {@code |}; line breaks become spaces (a header is one line). */
  static String header(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '|' -> out.append("\\|");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes an extension value: {@code \}, {@code =}, and line breaks as {@code \n} / {@code \r}. */
  static String extension(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '=' -> out.append("\\=");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
