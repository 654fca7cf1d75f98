package dev.vigil.simulator;

/**
 * The numbers behind a {@link Scenario}. Per-day and per-visit values are probabilities; campaign counts are per
 * 5,000 users × 30 days and scale with the run's size.
 *
 * @param travellerShare users who take trips at all
 * @param tripsPerDay chance a traveller leaves on a given day
 * @param roamingShare logins on a trip that still come through the home mobile carrier (geo says home)
 * @param vpnUserShare employed users who use the employer's VPN when not at the office
 * @param vpnEveningShare a VPN user's private logins that also go through the VPN
 * @param cafeShare laptop logins from some other network in the home city
 * @param privacyVpnShare users who send about half their logins through a commercial VPN (an anonymizer network)
 * @param devicePurchasesPerDay chance a user gets a new device on a given day
 * @param ispChangesPerDay chance a user moves to another broadband provider on a given day
 * @param dhcpChurnPerDay chance the home address changes on a given day
 * @param typosPerVisit visits that start with one or two wrong passwords
 * @param forgottenPerVisit visits that become a burst of wrong passwords
 * @param nightOwlShare users whose logins centre on the small hours
 * @param stuffingCampaigns credential-stuffing campaigns
 * @param sprayCampaigns password-spray campaigns
 * @param bruteForceCampaigns brute-force campaigns
 * @param takeovers account takeovers (each its own campaign)
 * @param hijacks session hijacks
 * @param anonymizerLogins takeovers through anonymizers
 * @param naiveShare takeovers by the naive attacker model
 * @param vipShare takeovers by the VIP attacker model (the rest are targeted)
 * @param residentialProxyShare campaign sources on residential and mobile networks rather than hosting
 * @param scriptedAgentShare campaigns that send a tool's user agent rather than a browser's
 * @param slowdown how much longer campaigns are spread out
 * @param maxFailuresBeforeTakeover wrong passwords a takeover attacker may try before the right one
 */
record ScenarioKnobs(
    double travellerShare,
    double tripsPerDay,
    double roamingShare,
    double vpnUserShare,
    double vpnEveningShare,
    double cafeShare,
    double privacyVpnShare,
    double devicePurchasesPerDay,
    double ispChangesPerDay,
    double dhcpChurnPerDay,
    double typosPerVisit,
    double forgottenPerVisit,
    double nightOwlShare,
    double stuffingCampaigns,
    double sprayCampaigns,
    double bruteForceCampaigns,
    double takeovers,
    double hijacks,
    double anonymizerLogins,
    double naiveShare,
    double vipShare,
    double residentialProxyShare,
    double scriptedAgentShare,
    double slowdown,
    int maxFailuresBeforeTakeover) {

  static final ScenarioKnobs STANDARD = new ScenarioKnobs(
      0.30, 0.02, 0.10, 0.10, 0.10, 0.03, 0.02, 0.002, 0.0007, 0.05, 0.04, 0.004, 0.08,
      3, 3, 6, 24, 8, 8, 0.40, 0.35, 0.10, 0.60, 1, 3);

  static final ScenarioKnobs HARD = new ScenarioKnobs(
      0.45, 0.05, 0.20, 0.25, 0.30, 0.06, 0.05, 0.005, 0.0015, 0.08, 0.05, 0.006, 0.12,
      3, 4, 6, 30, 8, 10, 0.10, 0.30, 0.70, 0.10, 4, 1);
}
