package dev.vigil.core.policy;

/** A response the policy asks for; the server's enforcers carry them out (in {@code enforce} mode). */
public enum Action {
  /** Tell the user ("was this you?"). */
  NOTIFY_USER,
  /** Step up: require a second factor before the session is issued. */
  REQUIRE_MFA,
  /** Deny further logins from the source. */
  BLOCK,
  /** Revoke the user's sessions and refresh tokens. */
  FORCE_LOGOUT,
  /** The account cannot log in until an analyst unfreezes it. */
  FREEZE,
  /** Open (or attach to) an incident for an analyst. */
  OPEN_INCIDENT,
  /** Page the on-call security engineer. */
  PAGE
}
