package dev.vigil.core.policy;

/** Whether a tenant's decisions are carried out (Cognito calls these audit and enforced). */
public enum PolicyMode {
  /** Decide and record, never enforce: the safe way to introduce Vigil or a new rule. */
  MONITOR,
  /** Decide and enforce. */
  ENFORCE
}
