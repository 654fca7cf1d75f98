package dev.vigil.server.engine;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The files that configure the engine, the same ones {@code vigil replay} takes as options. Each is optional; one
 * that is named but missing or broken stops the start with a message naming the setting, the file and the problem,
 * because a server silently running without its blocklist is worse than one that does not start.
 *
 * @param settingsFile engine settings JSON (policy, detection, scoring per tenant; docs/configuration.md)
 * @param geoip MaxMind-format MMDB files (city, country, ASN) and ip-location-db ASN CSVs filling the geo events lack
 * @param geoipDir used when {@code geoip} names no file: its {@code *.mmdb} files (city, then country, then the
 *     rest), e.g. what {@code scripts/fetch-geo.sh} installs; default {@code data/geo}, relative to the working
 *     directory; a directory that does not exist means no geo data
 * @param blocklist CIDR list whose addresses raise {@code BLOCKLISTED_IP}
 * @param allowlist CIDR list (office egress, VPN) for which network signals are silenced
 * @param anonymizers CIDR list of VPN, proxy and Tor exit ranges
 */
@ConfigurationProperties("vigil.engine")
public record EngineFileSettings(
    @Nullable Path settingsFile,
    @DefaultValue List<Path> geoip,
    @DefaultValue("data/geo") @Nullable Path geoipDir,
    @Nullable Path blocklist,
    @Nullable Path allowlist,
    @Nullable Path anonymizers) {

  public EngineFileSettings {
    geoip = geoip == null ? List.of() : List.copyOf(geoip);
  }
}
