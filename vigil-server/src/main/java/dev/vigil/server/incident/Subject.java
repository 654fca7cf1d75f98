package dev.vigil.server.incident;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Whom an incident is about: a user, or — for campaigns against many users (spraying, stuffing) — the source
 * network, in its masked form ({@code 81.2.69.xxx}).
 */
record Subject(Kind kind, String id) {
  enum Kind { USER, NETWORK }

  Subject {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
  }

  static Subject user(String userId) {
    return new Subject(Kind.USER, userId);
  }

  static Subject network(String maskedNetwork) {
    return new Subject(Kind.NETWORK, maskedNetwork);
  }

  String kindLabel() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  String display() {
    return kindLabel() + ":" + id;
  }

  @Override
  public String toString() {
    return "Subject[" + kindLabel() + "]";
  }
}
