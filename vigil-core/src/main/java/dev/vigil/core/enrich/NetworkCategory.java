package dev.vigil.core.enrich;

/** What kind of network an address belongs to; people log in from some kinds far more than others. */
public enum NetworkCategory {
  /** A residential or business internet provider: where people are. */
  ISP,
  /** A mobile carrier: people too, behind large shared NAT pools that churn addresses. */
  MOBILE,
  /** A hosting or cloud provider: servers, scripts, proxies; rarely a person. */
  HOSTING,
  /** A VPN, open proxy or Tor exit: hides where the person is. */
  ANONYMIZER,
  /** Nothing is known about the network. */
  UNKNOWN
}
