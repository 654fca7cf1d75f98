package dev.vigil.core.policy;

/** What the caller should do with the login. */
public enum Decision {
  /** Let it through. */
  ALLOW,
  /** Ask for a second factor (or another proof) before issuing a session. */
  CHALLENGE,
  /** Refuse it. */
  DENY
}
