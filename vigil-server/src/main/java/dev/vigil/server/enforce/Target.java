package dev.vigil.server.enforce;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The target of an action.
 *
 * @param kind user, source or incident
 * @param id the user id; for a source the address's keyed HMAC (never the raw address); the incident id
 * @param network for a source, its masked network ({@code 81.2.69.xxx}); a block covers the network when
 *     {@code id} is empty
 */
public record Target(TargetKind kind, String id, @Nullable String network) {
  public Target {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
  }

  public static Target user(String userId) {
    return new Target(TargetKind.USER, userId, null);
  }

  public static Target source(String ipHmac, String network) {
    return new Target(TargetKind.SOURCE, ipHmac, network);
  }

  public static Target incident(String incidentId) {
    return new Target(TargetKind.INCIDENT, incidentId, null);
  }

  /** A form for people and events: the user id, the masked network, the incident id — never an address hash. */
  public String display() {
    return switch (kind) {
      case USER -> "user:" + id;
      case SOURCE -> "source:" + network;
      case INCIDENT -> "incident:" + id;
    };
  }

  @Override
  public String toString() {
    return "Target[" + kind.label() + "]";
  }
}
