package dev.vigil.simulator;

/** The kind of attack an event belongs to; the names are the label file's {@code attackType} values. */
public enum AttackType {
  /** Leaked username/password pairs replayed from rotating hosting or proxy addresses, many names unknown. */
  CREDENTIAL_STUFFING,
  /** A few common passwords tried once or twice against many users from a few sources, slowly. */
  PASSWORD_SPRAY,
  /** Dozens of passwords against one account from one source. */
  BRUTE_FORCE,
  /** Someone who holds the victim's password logs in as them (see {@link AttackerModel}). */
  ACCOUNT_TAKEOVER,
  /** A stolen session replayed from far away minutes after the victim's own login: impossible travel. */
  SESSION_HIJACK,
  /** A takeover through a VPN, proxy or Tor exit that hides where the attacker is. */
  ANONYMIZER_LOGIN
}
