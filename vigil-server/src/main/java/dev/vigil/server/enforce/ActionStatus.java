package dev.vigil.server.enforce;

/** Where an action is in its life (the {@code status} column of {@code incident_actions}). */
public enum ActionStatus {
  /** Decided, to be carried out. */
  PENDING,
  /** Carried out; its before-state is stored. */
  DONE,
  /** An attempt failed; retried until {@code vigil.enforce.max-attempts}. */
  FAILED,
  /** Rolled back before it was carried out. */
  CANCELLED,
  /** Monitor mode: decided and recorded, deliberately not carried out. */
  RECORDED,
  /** The tenant's flags do not allow this action type. */
  NOT_ALLOWED,
  /** Carried out, then undone by a rollback. */
  UNDONE,
  /** An undo failed; retried. */
  UNDO_FAILED;

  /** Whether a rollback still has work to do on an action in this state. */
  boolean needsUndo() {
    return switch (this) {
      case PENDING, FAILED, DONE, UNDO_FAILED -> true;
      case CANCELLED, RECORDED, NOT_ALLOWED, UNDONE -> false;
    };
  }
}
