package dev.vigil.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** User agents of tools rather than people: what cheap attack tooling sends. */
final class ScriptedAgents {
  static final List<String> TOOLS = List.of(
      "python-requests/2.31.0",
      "python-requests/2.32.3",
      "curl/8.5.0",
      "curl/7.81.0",
      "Go-http-client/1.1",
      "Go-http-client/2.0",
      "okhttp/4.12.0",
      "axios/1.7.2",
      "Java-http-client/17.0.12",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/138.0.0.0 Safari/537.36");

  /** Tor Browser 14 presents Firefox ESR 128 on Windows to every site, whatever it runs on. */
  static final String TOR_BROWSER = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0";

  private ScriptedAgents() {}

  static String anyTool(SplittableRandom random) {
    return TOOLS.get(random.nextInt(TOOLS.size()));
  }

  /**
   * A real browser's user agent at a random platform and a version up to {@code maxAgeReleases} behind the
   * current one: what attack kits that rotate user agents ship with.
   */
  static String anyBrowser(long epochSecond, int maxAgeReleases, SplittableRandom random) {
    Browser browser = Browser.values()[random.nextInt(Browser.values().length)];
    Platform platform = switch (browser) {
      case SAFARI -> random.nextBoolean() ? Platform.MAC : Platform.IPHONE;
      case EDGE -> Platform.WINDOWS;
      case CHROME, FIREFOX -> Platform.values()[random.nextInt(Platform.values().length)];
    };
    int lagDays = maxAgeReleases == 0 ? 0 : random.nextInt(maxAgeReleases * 28 + 1);
    return browser.userAgent(platform, browser.versionAt(epochSecond, lagDays));
  }

  /** The single most common user agent on the web: current Chrome on Windows. */
  static String mostCommon(long epochSecond) {
    return Browser.CHROME.userAgent(Platform.WINDOWS, Browser.CHROME.versionAt(epochSecond, 0));
  }
}
