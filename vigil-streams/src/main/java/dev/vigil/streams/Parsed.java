package dev.vigil.streams;

import dev.vigil.core.event.LoginEvent;

/** An input record after parsing: a login event, or the reason it is not one. Lives between two processors only. */
sealed interface Parsed {
  /** The record's value as it arrived, for the dead-letter topic and the re-keyed stream. */
  byte[] raw();

  record Valid(LoginEvent event, byte[] raw) implements Parsed {}

  record Malformed(String reason, byte[] raw) implements Parsed {}
}
