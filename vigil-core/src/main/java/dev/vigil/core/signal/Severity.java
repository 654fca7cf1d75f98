package dev.vigil.core.signal;

/** How much a signal on its own says about a takeover. */
public enum Severity {
  /** Worth recording; rarely worth acting on alone (an unusual hour). */
  LOW,
  /** Unfamiliar but common for legitimate users (a new network, a new device). */
  MEDIUM,
  /** Rarely legitimate (impossible travel, brute force, a blocklisted network). */
  HIGH
}
