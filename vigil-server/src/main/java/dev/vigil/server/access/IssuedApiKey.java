package dev.vigil.server.access;

/**
 * A key just issued: the only moment its full text exists outside the caller's hands.
 *
 * @param tenantId the key's tenant
 * @param keyId its public id, safe to log
 * @param key the full key {@code vgl_<id>_<secret>}; never stored or logged
 */
public record IssuedApiKey(String tenantId, String keyId, String key) {
  @Override
  public String toString() {
    return "IssuedApiKey[tenantId=" + tenantId + ", keyId=" + keyId + ", key=redacted]";
  }
}
