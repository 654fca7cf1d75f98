package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The network a login came from.
 *
 * @param asn the autonomous system number, 0 when unknown
 * @param asOrg the AS organisation name, when known
 * @param category what kind of network it is
 * @param blocklisted the address is on an operator blocklist
 * @param allowlisted the address is on an operator allowlist (trusted office, VPN egress, scanner)
 */
public record NetworkInfo(
    long asn, @Nullable String asOrg, NetworkCategory category, boolean blocklisted, boolean allowlisted) {
  public static final NetworkInfo UNKNOWN = new NetworkInfo(0, null, NetworkCategory.UNKNOWN, false, false);

  public NetworkInfo {
    requireNonNull(category, "category");
  }

  /** Whether the network hides or is unlikely to be where the person really is. */
  public boolean obscuresLocation() {
    return category == NetworkCategory.ANONYMIZER || category == NetworkCategory.HOSTING;
  }
}
