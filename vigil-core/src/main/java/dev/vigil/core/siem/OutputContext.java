package dev.vigil.core.siem;

import static java.util.Objects.requireNonNull;

/**
 * What the formatters say about the producer.
 *
 * @param productVersion Vigil's version, for CEF's header and OCSF's {@code metadata.product.version}
 * @param hostname the host name syslog lines carry; {@code -} (RFC 5424's nil value) when unknown. The core does not
 *     look it up: the caller passes it
 */
public record OutputContext(String productVersion, String hostname) {
  public OutputContext {
    requireNonNull(productVersion, "productVersion");
    requireNonNull(hostname, "hostname");
  }
}
