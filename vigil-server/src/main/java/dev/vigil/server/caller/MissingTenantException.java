package dev.vigil.server.caller;

import dev.vigil.core.event.VigilException;

/** An internal request named no tenant; answered with 400, because guessing one would cross tenants. */
public final class MissingTenantException extends VigilException {
  MissingTenantException() {
    super("name the tenant in the " + CallerResolver.TENANT_HEADER + " header or the 'tenant' query parameter");
  }
}
