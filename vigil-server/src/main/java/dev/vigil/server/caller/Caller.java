package dev.vigil.server.caller;

import static java.util.Objects.requireNonNull;

/**
 * The tenant an internal request acts on and the person (or system) acting, for isolation and the audit log.
 *
 * @param tenantId every query of the request is scoped to this tenant
 * @param actor who acts, as recorded in the audit log: the account id of the analyst or administrator, or
 *     {@code system} for automatic actions
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

  /**
   * Refuses a request that names another tenant (in its path, say) than the caller's own.
   *
   * @throws TenantNotFoundException when {@code tenantId} is not the caller's tenant
   */
  public void requireOwnTenant(String tenantId) {
    if (!this.tenantId.equals(tenantId)) {
      throw new TenantNotFoundException();
    }
  }
}
