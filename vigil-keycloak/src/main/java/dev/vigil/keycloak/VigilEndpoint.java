package dev.vigil.keycloak;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Vigil listens and how to authenticate to it.
 *
 * @param baseUrl Vigil's address, e.g. {@code https://vigil.example.com} (the provider appends {@code /api/v1/...})
 * @param apiKey a tenant's API key ({@code vgl_<id>_<secret>}); the key decides the tenant the events belong to
 * @param timeout connect and response timeout of one call
 */
record VigilEndpoint(URI baseUrl, String apiKey, Duration timeout) {
  VigilEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("Vigil url must be http or https: " + baseUrl.getScheme());
    }
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("Vigil API key must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Vigil timeout must be positive: " + timeout);
    }
  }

  URI resolve(String path) {
    return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
  }

  @Override
  public String toString() {
    return "VigilEndpoint[baseUrl=" + baseUrl + ", apiKey=redacted, timeout=" + timeout + "]";
  }
}
