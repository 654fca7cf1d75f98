package dev.vigil.core.event;

/** Whether the credential check of a login attempt passed. */
public enum Outcome {
  /** The user proved who they are; the login produced (or would produce) a session. */
  SUCCESS,
  /** The attempt was refused; {@link FailureReason} says why when the source knows. */
  FAILURE
}
