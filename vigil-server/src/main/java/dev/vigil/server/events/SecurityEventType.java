package dev.vigil.server.events;

/** The outbound event types of DESIGN.md §3, with their CloudEvents {@code type} strings. */
public enum SecurityEventType {
  /** An enforcement action (block, forced logout, freeze) was carried out. */
  LOGIN_BLOCKED("security.login.blocked"),
  /** An incident's actions were undone after a false-positive verdict. */
  LOGIN_ROLLBACK("security.login.rollback");

  private final String cloudEventType;

  SecurityEventType(String cloudEventType) {
    this.cloudEventType = cloudEventType;
  }

  public String cloudEventType() {
    return cloudEventType;
  }
}
