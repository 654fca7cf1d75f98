package dev.vigil.core.enrich;

import static java.util.Objects.requireNonNull;

/**
 * A parsed user agent, reduced to what tells devices apart and survives browser updates.
 *
 * @param browserFamily e.g. {@code Chrome}, {@code Firefox}, {@code Safari}, {@code curl}; {@code Other} when
 *     unknown
 * @param browserMajor the browser's major version, 0 when unknown
 * @param osFamily e.g. {@code Windows}, {@code macOS}, {@code iOS}, {@code Android}, {@code Linux};
 *     {@code Other} when unknown
 * @param deviceClass desktop, mobile, tablet, bot
 * @param automated the client is a script, HTTP library or headless browser rather than a person's browser
 */
public record UserAgentInfo(
    String browserFamily, int browserMajor, String osFamily, DeviceClass deviceClass, boolean automated) {

  /** What an absent or empty user agent parses to. */
  public static final UserAgentInfo ABSENT = new UserAgentInfo("Other", 0, "Other", DeviceClass.UNKNOWN, false);

  public UserAgentInfo {
    requireNonNull(browserFamily, "browserFamily");
    requireNonNull(osFamily, "osFamily");
    requireNonNull(deviceClass, "deviceClass");
  }

  /**
   * The device family: browser family, OS family and device class, without the version — so that a browser
   * update of a known device is not a new device.
   */
  public int familyKey() {
    int h = browserFamily.hashCode();
    h = 31 * h + osFamily.hashCode();
    return 31 * h + deviceClass.ordinal();
  }

  /** The masked display form stored instead of the raw header, e.g. {@code Chrome 142 on Windows}. */
  public String display() {
    return browserMajor > 0
        ? browserFamily + ' ' + browserMajor + " on " + osFamily
        : browserFamily + " on " + osFamily;
  }
}
