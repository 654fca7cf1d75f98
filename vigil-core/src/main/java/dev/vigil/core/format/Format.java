package dev.vigil.core.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The event formats Vigil can read besides its own JSON contract; {@link #id()} is the name users type. */
public enum Format {
  /** Keycloak user events ({@code LOGIN}, {@code LOGIN_ERROR}) as the admin REST API and event listeners give them. */
  KEYCLOAK,
  /** Auth0 log events (Management API {@code /api/v2/logs}, log streams, exports). */
  AUTH0,
  /** The Okta System Log ({@code /api/v1/logs}, log streaming). */
  OKTA,
  /** AWS CloudTrail {@code ConsoleLogin} records (log files with {@code Records}, or one record per line). */
  CLOUDTRAIL,
  /** OpenSSH server lines of syslog's auth.log / secure, or journalctl. */
  SSHD,
  /** OCSF Authentication events (class_uid 3002). */
  OCSF;

  /** The lower-case name used on the command line and in {@code ?format=}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether records are JSON (one object per record) rather than text lines. */
  public boolean json() {
    return this != SSHD;
  }

  /**
   * The format named {@code name}, case-insensitively.
   *
   * @throws UnknownFormatException naming the known formats when there is none by that name
   */
  public static Format parse(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Format format : values()) {
      if (format.id().equals(wanted)) {
        return format;
      }
    }
    String shown = wanted.length() > 64 ? wanted.substring(0, 64) : wanted;
    throw new UnknownFormatException(shown, "unknown format '" + shown + "'; known formats: " + names());
  }

  /** The known names, comma-separated, for messages and help. */
  public static String names() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }

  /** The adapter for this format under {@code context}. */
  EventAdapter adapter(AdapterContext context) {
    return switch (this) {
      case KEYCLOAK -> new KeycloakAdapter(context);
      case AUTH0 -> new Auth0Adapter(context);
      case OKTA -> new OktaAdapter(context);
      case CLOUDTRAIL -> new CloudTrailAdapter(context);
      case SSHD -> new SshdAdapter(context);
      case OCSF -> new OcsfAdapter(context);
    };
  }
}
