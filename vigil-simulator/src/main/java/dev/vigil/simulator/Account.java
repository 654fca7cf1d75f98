package dev.vigil.simulator;

/** A login name at a tenant; shared by all events that name it. Prints no user id. */
record Account(String tenantId, String userId) {
  @Override
  public String toString() {
    return "Account[tenantId=" + tenantId + "]";
  }
}
