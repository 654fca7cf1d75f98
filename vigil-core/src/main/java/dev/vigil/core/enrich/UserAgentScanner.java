package dev.vigil.core.enrich;

import org.jspecify.annotations.Nullable;

/**
 * Reads browser family, major version, OS and device class out of a User-Agent header by looking for a few
 * dozen well-known product tokens. Stateless; {@link UserAgentParser} caches its results.
 *
 * <p>Why token scanning and not a regex database (uap-core, yauaa): risk scoring needs only "which kind of
 * client on which kind of device", stable across browser updates. A fixed list of {@code indexOf} checks in a
 * deliberate order gets that right for the clients that log in (a handful of engines and their rebrands), costs
 * microseconds, and cannot blow up on hostile input. The order matters because UAs lie by accretion: Edge and
 * Opera claim to be Chrome, Chrome claims to be Safari, everyone claims to be Mozilla. So the most specific
 * token is checked first: automation tools and crawlers, then rebrands (Edge, Opera, Samsung, Yandex, UC), then
 * Firefox, Chrome on iOS, Android WebView, Chrome, Safari, iOS in-app webviews, IE.
 *
 * <p>Known blind spots: iPadOS 13+ in its default "desktop site" mode sends a macOS UA, and Android tablets in
 * desktop mode send a Linux one; both then read as desktops. Chrome's new headless mode sends a normal Chrome
 * UA. Reduced UAs (Chrome's frozen {@code Windows NT 10.0}, {@code Android 10; K}) do not matter here because
 * only OS families are kept.
 */
final class UserAgentScanner {

  /**
   * HTTP libraries and automation tools, as (lower-case token, family) pairs, more specific first: a token must
   * not be found inside a longer one listed after it (Apache-HttpClient's UA contains {@code Java/}).
   */
  private static final String[][] TOOLS = {
    {"headlesschrome", "HeadlessChrome"},
    {"phantomjs", "PhantomJS"},
    {"python-requests", "python-requests"},
    {"python-urllib", "python-urllib"},
    {"aiohttp", "aiohttp"},
    {"httpx", "httpx"},
    {"go-http-client", "Go-http-client"},
    {"apache-httpclient", "Apache-HttpClient"},
    {"okhttp", "okhttp"},
    {"node-fetch", "node-fetch"},
    {"axios", "axios"},
    {"undici", "undici"},
    {"postmanruntime", "PostmanRuntime"},
    {"libwww-perl", "libwww-perl"},
    {"scrapy", "Scrapy"},
    {"httpie", "HTTPie"},
    {"curl", "curl"},
    {"wget", "Wget"},
    {"java", "Java"},
  };

  /** Phone makers whose names end in "bot" and must not read as crawlers. */
  private static final String[] BOT_LOOKALIKES = {"cubot"};

  private UserAgentScanner() {}

  /** Parses a non-blank User-Agent; never throws, never returns {@code null}. */
  static UserAgentInfo scan(String ua) {
    String lower = asciiLowerCase(ua);
    Platform platform = platform(ua);
    UserAgentInfo automated = automated(ua, lower, platform);
    if (automated != null) {
      return automated;
    }
    return browser(ua, platform);
  }

  /** The OS family and device class a UA's platform tokens describe. */
  private record Platform(String osFamily, DeviceClass deviceClass) {}

  private static Platform platform(String ua) {
    if (ua.contains("Windows Phone")) {
      return new Platform("Windows Phone", DeviceClass.MOBILE);
    }
    if (ua.contains("iPad")) {
      return new Platform("iOS", DeviceClass.TABLET);
    }
    if (ua.contains("iPhone") || ua.contains("iPod")) {
      return new Platform("iOS", DeviceClass.MOBILE);
    }
    if (ua.contains("CrOS")) {
      return new Platform("ChromeOS", DeviceClass.DESKTOP);
    }
    if (ua.contains("Android")) {
      // Android phones say "Mobile" (Chrome: "Mobile Safari/", Firefox: "; Mobile;"); tablets do not.
      return new Platform("Android", ua.contains("Mobile") ? DeviceClass.MOBILE : DeviceClass.TABLET);
    }
    if (ua.contains("Windows")) {
      return new Platform("Windows", DeviceClass.DESKTOP);
    }
    if (ua.contains("Macintosh") || ua.contains("Mac OS X")) {
      return new Platform("macOS", DeviceClass.DESKTOP);
    }
    if (ua.contains("FreeBSD") || ua.contains("OpenBSD") || ua.contains("NetBSD")) {
      return new Platform("BSD", DeviceClass.DESKTOP);
    }
    if (ua.contains("Linux") || ua.contains("X11")) {
      return new Platform("Linux", DeviceClass.DESKTOP);
    }
    return new Platform("Other", ua.contains("Mobile") ? DeviceClass.MOBILE : DeviceClass.UNKNOWN);
  }

  /** A tool or crawler, or {@code null} when the UA looks like a person's browser. */
  private static @Nullable UserAgentInfo automated(
      String ua, String lower, Platform platform) {
    for (String[] tool : TOOLS) {
      int at = findToken(lower, tool[0]);
      if (at >= 0) {
        return bot(tool[1], versionAfter(ua, at + tool[0].length()), platform);
      }
    }
    // Crawlers name themselves: Googlebot, bingbot, AhrefsBot, Slackbot-LinkExpanding, ...crawler, ...spider.
    int length = lower.length();
    for (int start = 0; start < length; ) {
      if (!isWordChar(lower.charAt(start))) {
        start++;
        continue;
      }
      int end = start;
      while (end < length && isWordChar(lower.charAt(end))) {
        end++;
      }
      String word = lower.substring(start, end);
      if (isCrawlerWord(word)) {
        return bot(ua.substring(start, end), versionAfter(ua, end), platform);
      }
      start = end;
    }
    return null;
  }

  private static boolean isCrawlerWord(String word) {
    if (word.endsWith("bot")) {
      for (String lookalike : BOT_LOOKALIKES) {
        if (word.equals(lookalike)) {
          return false;
        }
      }
      return true;
    }
    return word.contains("crawler") || word.contains("spider") || word.equals("facebookexternalhit");
  }

  private static UserAgentInfo bot(String family, int major, Platform platform) {
    return new UserAgentInfo(family, major, platform.osFamily(), DeviceClass.BOT, true);
  }

  private static UserAgentInfo browser(String ua, Platform platform) {
    String family;
    int major;
    int at;
    if ((at = versionToken(ua, "Edg/", "EdgA/", "EdgiOS/", "Edge/")) >= 0) {
      family = "Edge";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "OPR/", "OPiOS/", "OPT/")) >= 0) {
      family = "Opera";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "Opera/")) >= 0) {
      // Presto-era Opera froze "Opera/9.80" and put the real version in Version/.
      family = "Opera";
      int version = versionToken(ua, "Version/");
      major = versionAt(ua, version >= 0 ? version : at);
    } else if ((at = versionToken(ua, "SamsungBrowser/")) >= 0) {
      family = "Samsung Internet";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "YaBrowser/")) >= 0) {
      family = "Yandex";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "UCBrowser/", "UCWEB/")) >= 0) {
      family = "UC Browser";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "Firefox/", "FxiOS/")) >= 0) {
      family = "Firefox";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "CriOS/")) >= 0) {
      family = "Chrome";
      major = versionAt(ua, at);
    } else if (platform.osFamily().equals("Android") && isAndroidWebView(ua)) {
      family = "Android WebView";
      int chrome = versionToken(ua, "Chrome/");
      major = chrome >= 0 ? versionAt(ua, chrome) : 0;
    } else if ((at = versionToken(ua, "Chrome/", "Chromium/")) >= 0) {
      family = "Chrome";
      major = versionAt(ua, at);
    } else if ((at = versionToken(ua, "Version/")) >= 0 && ua.contains("Safari/")) {
      family = "Safari";
      major = versionAt(ua, at);
    } else if (platform.osFamily().equals("iOS") && ua.contains("AppleWebKit/")) {
      // An app's embedded WKWebView (Facebook, Instagram, the Google app): WebKit without Safari's Version/.
      family = "iOS WebView";
      major = 0;
    } else if ((at = versionToken(ua, "MSIE ")) >= 0) {
      family = "IE";
      major = versionAt(ua, at);
    } else if (ua.contains("Trident/") && (at = versionToken(ua, "rv:")) >= 0) {
      family = "IE";
      major = versionAt(ua, at);
    } else {
      family = "Other";
      major = 0;
    }
    return new UserAgentInfo(family, major, platform.osFamily(), platform.deviceClass(), false);
  }

  /**
   * Android's WebView marks itself with {@code ; wv)} since Lollipop; older ones, and the pre-Chrome stock
   * browser, show {@code Version/4.0} instead, which no standalone Android browser sends.
   */
  private static boolean isAndroidWebView(String ua) {
    return ua.contains("; wv)") || versionToken(ua, "Version/") >= 0;
  }

  /**
   * The index just after the first of {@code tokens} found at the start of a product token (not preceded by a
   * letter or digit, so {@code Chrome/} does not match inside {@code HeadlessChrome/}), or -1.
   */
  private static int versionToken(String ua, String... tokens) {
    for (String token : tokens) {
      int at = findToken(ua, token);
      if (at >= 0) {
        return at + token.length();
      }
    }
    return -1;
  }

  /**
   * Where {@code token} occurs in {@code text} with no letter or digit right before it, nor right after it
   * unless the token itself ends in a separator; -1 when it does not.
   */
  private static int findToken(String text, String token) {
    boolean open = !Character.isLetterOrDigit(token.charAt(token.length() - 1));
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int end = at + token.length();
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endsWord = open || end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startsWord && endsWord) {
        return at;
      }
    }
    return -1;
  }

  /** The major version right after a product name: skips one {@code /} or space, then reads digits. */
  private static int versionAfter(String ua, int from) {
    if (from < ua.length() && (ua.charAt(from) == '/' || ua.charAt(from) == ' ')) {
      from++;
    }
    return versionAt(ua, from);
  }

  /**
   * Reads up to five digits at {@code from}: the major version. 0 when there are none; longer numbers are
   * build ids, not versions, and are cut so they cannot overflow.
   */
  private static int versionAt(String ua, int from) {
    int value = 0;
    for (int i = from; i < ua.length() && i < from + 5; i++) {
      char c = ua.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Lower-cases ASCII letters only. {@link String#toLowerCase} may change the string's length (Turkish dotted
   * İ becomes two chars), which would break the index arithmetic between the lower-case and original strings.
   */
  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }
}
