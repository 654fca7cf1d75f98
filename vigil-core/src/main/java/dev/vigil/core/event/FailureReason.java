package dev.vigil.core.event;

/** Why a failed login failed, as far as the identity provider tells. */
public enum FailureReason {
  /** The user exists and the password was wrong: the typo, the guess, the sprayed password. */
  BAD_PASSWORD,
  /** No such user in the tenant: the mark of credential lists and enumeration. */
  UNKNOWN_USER,
  /** The password was right and the second factor failed: a strong takeover hint when repeated. */
  MFA_FAILED,
  /** The account was already locked or frozen. */
  LOCKED,
  /** Any other reason (expired password, disabled client, …). */
  OTHER
}
