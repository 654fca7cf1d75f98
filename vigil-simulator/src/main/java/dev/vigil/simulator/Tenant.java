package dev.vigil.simulator;

import java.util.Set;

/**
 * A customer of Vigil with its own user base.
 *
 * @param id the tenant id events carry
 * @param share its share of all users
 * @param favoured regions where this tenant's users are three times as likely to live
 * @param locksAccounts whether its identity provider answers {@code LOCKED} after ten failures in a row
 */
record Tenant(String id, double share, Set<Region> favoured, boolean locksAccounts) {
  Tenant {
    favoured = Set.copyOf(favoured);
  }

  static final java.util.List<Tenant> BUILT_IN = java.util.List.of(
      new Tenant("acme", 0.45, Set.of(Region.NORTH_AMERICA, Region.EUROPE), true),
      new Tenant("globex", 0.25, Set.of(Region.EUROPE), false),
      new Tenant("initech", 0.18, Set.of(Region.ASIA_PACIFIC), true),
      new Tenant("umbrella", 0.12, Set.of(Region.LATIN_AMERICA, Region.NORTH_AMERICA, Region.AFRICA), false));
}
