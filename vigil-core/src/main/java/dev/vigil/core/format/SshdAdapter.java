package dev.vigil.core.format;

import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.InvalidEventException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSSH server lines as syslog writes them to {@code /var/log/auth.log} or {@code /var/log/secure}, with the
 * traditional timestamp ({@code Nov 23 13:26:30 host sshd[812]: …}) or an RFC 3339 one
 * ({@code 2026-11-23T13:26:30.123456+01:00 host sshd[812]: …}); {@code sshd-session} (OpenSSH 9.8+) counts as
 * sshd.
 *
 * <ul>
 *   <li>{@code Accepted password|publickey|keyboard-interactive/pam|… for USER from IP port N ssh2} — success;
 *   <li>{@code Failed password|keyboard-interactive/pam for USER from IP port N ssh2} — BAD_PASSWORD;
 *   <li>{@code Failed password for invalid user USER from IP port N ssh2} — UNKNOWN_USER;
 *   <li>{@code Invalid user USER from IP [port N]} — UNKNOWN_USER: sshd logs it once per connection, before any
 *       password, and it is the only trace of a probe against a server that accepts keys only. A password tried
 *       on that connection adds its own {@code Failed password for invalid user} line, so both count, as fail2ban
 *       counts them.
 * </ul>
 *
 * <p>Other sshd lines (failed public keys, which clients try one after another as a matter of course;
 * disconnects; {@code message repeated}) and other programs' lines are skipped. A line that is not syslog at all
 * is invalid. User names are attacker-chosen text: the address is taken from the <em>last</em>
 * {@code from IP port N} of the line, so a name such as {@code "x from 10.0.0.1 port 22"} cannot move the blame.
 *
 * <p>Traditional timestamps have no year and no zone: they are read in {@link AdapterContext#zone()} and given the
 * year that puts them at most a day after {@link AdapterContext#reference()}.
 */
final class SshdAdapter implements EventAdapter {
  private static final Pattern BSD = Pattern.compile(
      "^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\S+) ([\\w./-]+)(?:\\[(\\d+)])?: (.*)$");
  private static final Pattern RFC3339 = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})) (\\S+) ([\\w./-]+)"
          + "(?:\\[(\\d+)])?: (.*)$");
  private static final Pattern ACCEPTED = Pattern.compile(
      "^Accepted (\\S+) for (.+) from (\\S+) port (\\d+)(?: ssh2)?(?:: .*)?$");
  private static final Pattern FAILED = Pattern.compile(
      "^Failed (\\S+) for (invalid user )?(.*) from (\\S+) port (\\d+)(?: ssh2)?(?:: .*)?$");
  private static final Pattern INVALID_USER = Pattern.compile("^Invalid user (.*) from (\\S+?)(?: port (\\d+))?$");
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};

  private final AdapterContext context;

  SshdAdapter(AdapterContext context) {
    this.context = context;
  }

  @Override
  public Conversion convertLine(String rawLine) {
    String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
    Instant time;
    String host;
    String program;
    String message;
    Matcher bsd = BSD.matcher(line);
    if (bsd.matches()) {
      time = bsdTime(bsd);
      host = bsd.group(6);
      program = bsd.group(7);
      message = bsd.group(9);
    } else {
      Matcher rfc = RFC3339.matcher(line);
      if (!rfc.matches()) {
        throw new InvalidEventException("$", "not a syslog line (expected 'Mon DD HH:MM:SS host program[pid]: …' "
            + "or an RFC 3339 timestamp)");
      }
      try {
        time = OffsetDateTime.parse(rfc.group(1)).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidEventException("timestamp", "is not a valid RFC 3339 time: " + VendorJson.quote(rfc.group(1)));
      }
      host = rfc.group(2);
      program = rfc.group(3);
      message = rfc.group(5);
    }
    if (!"sshd".equals(program) && !"sshd-session".equals(program)) {
      return new Conversion.Skipped("not sshd");
    }
    EventBuilder event = new EventBuilder(context, Format.SSHD).attribute("host", host);
    Matcher m;
    if ((m = ACCEPTED.matcher(message)).matches()) {
      event.success().authMethod(method(m.group(1))).user(name(m.group(2)), "user").ip(m.group(3), "from");
    } else if ((m = FAILED.matcher(message)).matches()) {
      String method = method(m.group(1));
      if (!"password".equals(method) && !"keyboard-interactive".equals(method)) {
        return new Conversion.Skipped("sshd failed " + method);
      }
      boolean invalid = m.group(2) != null;
      event.failure(invalid ? FailureReason.UNKNOWN_USER : FailureReason.BAD_PASSWORD).authMethod(method)
          .user(name(m.group(3)), "user").ip(m.group(4), "from");
    } else if ((m = INVALID_USER.matcher(message)).matches()) {
      event.failure(FailureReason.UNKNOWN_USER).user(name(m.group(1)), "user").ip(m.group(2), "from");
    } else {
      return new Conversion.Skipped("sshd other");
    }
    event.time(time, "timestamp");
    return new Conversion.Converted(event.build(time + " " + line));
  }

  /** Scanners send empty user names ({@code Invalid user  from …}); they are attempts all the same. */
  private static String name(String logged) {
    return logged.isBlank() ? "(empty)" : logged;
  }

  private static String method(String logged) {
    int slash = logged.indexOf('/');
    return slash > 0 ? logged.substring(0, slash) : logged;
  }

  /** A yearless local time: the latest year that does not put it more than a day after the reference. */
  private Instant bsdTime(Matcher m) {
    int month = 0;
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(m.group(1))) {
        month = i + 1;
      }
    }
    if (month == 0) {
      throw new InvalidEventException("timestamp", "has an unknown month: " + VendorJson.quote(m.group(1)));
    }
    int day = Integer.parseInt(m.group(2));
    int hour = Integer.parseInt(m.group(3));
    int minute = Integer.parseInt(m.group(4));
    int second = Integer.parseInt(m.group(5));
    Instant latest = context.reference().plus(Duration.ofDays(1));
    int referenceYear = ZonedDateTime.ofInstant(context.reference(), context.zone()).getYear();
    for (int year = referenceYear + 1; year >= referenceYear - 4; year--) {
      Instant candidate;
      try {
        candidate = LocalDateTime.of(year, month, day, hour, minute, second).atZone(context.zone()).toInstant();
      } catch (DateTimeException e) {
        continue; // 29 February of a common year, or a day that does not exist at all
      }
      if (!candidate.isAfter(latest)) {
        return candidate;
      }
    }
    throw new InvalidEventException("timestamp", "is not a valid date: " + m.group(1).toLowerCase(Locale.ROOT)
        + " " + day);
  }
}
