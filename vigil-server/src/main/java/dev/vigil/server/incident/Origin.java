package dev.vigil.server.incident;

import java.util.Locale;

/** How an incident came to be. */
enum Origin {
  /** A login's assessment opened it, as it happened. */
  DETECTED,
  /** An analyst opened it. */
  MANUAL,
  /** A replay of stored assessments under the current policy; its actions are only recorded. */
  REPLAY;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
