package dev.vigil.server.caller;

import static java.util.Objects.requireNonNull;

/**
 * The tenant an internal request acts on and the person (or system) acting, for isolation and the audit log.
 *
 * @param tenantId every query of the request is scoped to this tenant
 * @param actor who acts, as recorded in the audit log ({@code system} for automatic actions)
 */
public record Caller(String tenantId, String actor) {
  /** The actor of everything Vigil does by itself (detection, enforcement, retries). */
  public static final String SYSTEM = "system";

  public Caller {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(actor, "actor");
  }

  public static Caller system(String tenantId) {
    return new Caller(tenantId, SYSTEM);
  }
}
