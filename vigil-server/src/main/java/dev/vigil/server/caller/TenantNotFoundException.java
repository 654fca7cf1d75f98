package dev.vigil.server.caller;

import dev.vigil.core.event.VigilException;

/**
 * A request named a tenant other than the caller's own; answered with 404 like a tenant that does not exist, so
 * the answer does not tell whether it does.
 */
public final class TenantNotFoundException extends VigilException {
  TenantNotFoundException() {
    super("no such tenant");
  }
}
