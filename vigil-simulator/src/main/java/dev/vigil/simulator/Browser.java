package dev.vigil.simulator;

/**
 * A browser and its release train, so that versions move with simulated time the way they do in real traffic:
 * a user's user agent changes every few weeks without the user changing anything.
 */
enum Browser {
  /** Chrome 142 shipped 2025-10-28; a new major every four weeks. */
  CHROME(1_761_609_600L, 142, 28),
  /** Edge follows Chrome's major a few days later. */
  EDGE(1_761_955_200L, 142, 28),
  /** Firefox 145 shipped 2025-11-11; a new major every four weeks. */
  FIREFOX(1_762_819_200L, 145, 28),
  /** Safari 26 shipped 2025-09-15; one major a year, a point release about every two months. */
  SAFARI(1_757_894_400L, 26, 365);

  private final long anchorEpochSecond;
  private final int anchorMajor;
  private final int cadenceDays;

  Browser(long anchorEpochSecond, int anchorMajor, int cadenceDays) {
    this.anchorEpochSecond = anchorEpochSecond;
    this.anchorMajor = anchorMajor;
    this.cadenceDays = cadenceDays;
  }

  /**
   * The version installed at {@code epochSecond} by someone who updates {@code lagDays} after a release, as
   * {@code major * 100 + minor} (minor only moves for Safari).
   */
  int versionAt(long epochSecond, int lagDays) {
    long days = Math.floorDiv(epochSecond - anchorEpochSecond, 86_400L) - lagDays;
    int major = anchorMajor + (int) Math.floorDiv(days, cadenceDays);
    int minor = this == SAFARI ? Math.floorMod(days, cadenceDays) / 61 : 0;
    return major * 100 + minor;
  }

  /** The User-Agent header this browser sends on {@code platform} at {@code version} ({@code major*100+minor}). */
  String userAgent(Platform platform, int version) {
    int major = version / 100;
    int minor = version % 100;
    return switch (this) {
      case CHROME -> platform == Platform.ANDROID
          ? "Mozilla/5.0 (" + platform.token + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
              + ".0.0.0 Mobile Safari/537.36"
          : "Mozilla/5.0 (" + platform.token + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
              + ".0.0.0 Safari/537.36";
      case EDGE -> "Mozilla/5.0 (" + platform.token + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
          + ".0.0.0 Safari/537.36 Edg/" + major + ".0.0.0";
      case FIREFOX -> switch (platform) {
        case WINDOWS -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + major + ".0) Gecko/20100101 Firefox/"
            + major + ".0";
        case MAC -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:" + major + ".0) Gecko/20100101 Firefox/"
            + major + ".0";
        case LINUX -> "Mozilla/5.0 (X11; Linux x86_64; rv:" + major + ".0) Gecko/20100101 Firefox/" + major
            + ".0";
        case ANDROID -> "Mozilla/5.0 (Android 14; Mobile; rv:" + major + ".0) Gecko/" + major + ".0 Firefox/"
            + major + ".0";
        case IPHONE -> "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) FxiOS/" + major + ".0 Mobile/15E148 Safari/605.1.15";
      };
      case SAFARI -> platform == Platform.IPHONE
          ? "Mozilla/5.0 (" + platform.token + ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + major + "."
              + minor + " Mobile/15E148 Safari/604.1"
          : "Mozilla/5.0 (" + Platform.MAC.token + ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + major
              + "." + minor + " Safari/605.1.15";
    };
  }
}
