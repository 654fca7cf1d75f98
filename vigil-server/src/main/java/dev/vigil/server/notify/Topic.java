package dev.vigil.server.notify;

import java.util.Locale;

/**
 * What a message to a user is about, as the user sees it when choosing what to receive. Messages to the security
 * team have no topic: users cannot switch those off.
 */
public enum Topic {
  /** "Was this you?" for a new device or place on a login that was not risky enough to be suspicious. */
  NEW_SIGN_IN(false),
  /** "Was this you?" for a high or critical login: the user may be the only one who can tell it is an attack. */
  SUSPICIOUS_SIGN_IN(true);

  private final boolean securityCritical;

  Topic(boolean securityCritical) {
    this.securityCritical = securityCritical;
  }

  /** Whether users receive it whatever they chose. */
  public boolean securityCritical() {
    return securityCritical;
  }

  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Topic ofColumn(String column) {
    return valueOf(column.toUpperCase(Locale.ROOT));
  }
}
