package dev.vigil.server.access;

import static java.util.Objects.requireNonNull;

/**
 * The authenticated caller of the engine API: the principal the API-key chain puts in the security context.
 * Controllers take it with {@code @AuthenticationPrincipal ApiCaller caller}.
 *
 * @param tenantId the tenant the key belongs to; every read and write of the request is scoped to it
 * @param keyId the key's public id (the {@code <id>} of {@code vgl_<id>_<secret>}), safe to log
 */
public record ApiCaller(String tenantId, String keyId) {
  public ApiCaller {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(keyId, "keyId");
  }

  /**
   * Refuses data that names another tenant. The answer does not say whether that tenant exists.
   *
   * @throws UnknownTenantException when {@code tenantId} is not the caller's tenant
   */
  public void requireOwnTenant(String tenantId) {
    if (!this.tenantId.equals(tenantId)) {
      throw new UnknownTenantException();
    }
  }
}
