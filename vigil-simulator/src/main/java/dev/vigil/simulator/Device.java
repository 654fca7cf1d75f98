package dev.vigil.simulator;

/**
 * One of a user's devices. Mutable only to cache the {@link Client} for the installed browser version, so that a
 * new user-agent string is built when the browser updates, not per event. Owned by one user, one thread.
 */
final class Device {
  final String id;
  final Platform platform;
  final Browser browser;
  /** Days this user waits after a release before updating: spreads upgrades over weeks, as in real fleets. */
  final int updateLagDays;
  private int cachedVersion = -1;
  private Client cached = new Client("", null);

  Device(String id, Platform platform, Browser browser, int updateLagDays) {
    this.id = id;
    this.platform = platform;
    this.browser = browser;
    this.updateLagDays = updateLagDays;
  }

  /** The client this device presents at {@code epochSecond}. */
  Client client(long epochSecond) {
    int version = browser.versionAt(epochSecond, updateLagDays);
    if (version != cachedVersion) {
      cachedVersion = version;
      cached = new Client(browser.userAgent(platform, version), id);
    }
    return cached;
  }

  String userAgentAt(long epochSecond) {
    return client(epochSecond).userAgent();
  }
}
