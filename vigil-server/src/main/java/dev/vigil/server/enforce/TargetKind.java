package dev.vigil.server.enforce;

import java.util.Locale;

/** What an action is aimed at. */
public enum TargetKind {
  /** An account: logout, freeze, MFA. */
  USER,
  /** A source address or network: block. */
  SOURCE,
  /** The incident itself: page. */
  INCIDENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static TargetKind ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
