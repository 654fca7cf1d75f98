package dev.vigil.server.auth;

/** What a user may do. Roles do not nest in the data; the security chain grants ADMIN what ANALYST gets. */
public enum Role {
  /** An end user: their own profile, login history and alerts. */
  USER,
  /** A SOC analyst: incident response under {@code /internal/**}. */
  ANALYST,
  /** An operator of the tenant: everything an analyst may, plus {@code /admin/**}. */
  ADMIN;

  /** The Spring Security authority, {@code ROLE_USER} etc. */
  public String authority() {
    return "ROLE_" + name();
  }
}
