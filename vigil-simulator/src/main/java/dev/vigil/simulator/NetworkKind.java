package dev.vigil.simulator;

/** What a simulated network is for; decides who logs in from it. */
enum NetworkKind {
  /** A home broadband provider: where most people log in from. */
  RESIDENTIAL,
  /** A mobile carrier: phones, large NAT pools that hand out a new address per session. */
  MOBILE,
  /** A cloud or hosting provider: scripts and attackers, rarely a person. */
  HOSTING,
  /** A commercial VPN, proxy or Tor exit network. */
  ANONYMIZER,
  /** A company's offices and VPN egress, or a cloud security proxy in front of them. */
  CORPORATE
}
