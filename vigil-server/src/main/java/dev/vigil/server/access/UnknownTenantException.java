package dev.vigil.server.access;

import dev.vigil.core.event.VigilException;

/**
 * A request named a tenant its API key does not belong to. Answered as 404 "unknown tenant" whether or not the
 * tenant exists, so that a key cannot probe for other tenants.
 */
public final class UnknownTenantException extends VigilException {
  public UnknownTenantException() {
    super("unknown tenant");
  }
}
