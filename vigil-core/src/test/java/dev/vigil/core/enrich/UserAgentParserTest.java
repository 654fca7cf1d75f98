package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class UserAgentParserTest {

  private final UserAgentParser parser = new UserAgentParser(1_000);

  // Real-world formats: browsers claim each other's tokens, so each row pins that the most specific one wins.
  @ParameterizedTest(name = "{1} {2} on {3} ({4}): {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | 131 | Windows | DESKTOP | false
      Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | 131 | macOS | DESKTOP | false
      Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 | Chrome | 130 | Linux | DESKTOP | false
      Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Mobile Safari/537.36 | Chrome | 131 | Android | MOBILE | false
      Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Safari/537.36 | Chrome | 131 | Android | TABLET | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.103 Mobile/15E148 Safari/604.1 | Chrome | 131 | iOS | MOBILE | false
      Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | 131 | ChromeOS | DESKTOP | false
      Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36 | Chrome | 120 | Android | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 | Edge | 131 | Windows | DESKTOP | false
      Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0 | Edge | 131 | Android | MOBILE | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15 | Edge | 131 | iOS | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582 | Edge | 18 | Windows | DESKTOP | false
      Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.15063 | Edge | 15 | Windows Phone | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | 133 | Windows | DESKTOP | false
      Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0 | Firefox | 132 | Linux | DESKTOP | false
      Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | 133 | macOS | DESKTOP | false
      Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0 | Firefox | 133 | Android | MOBILE | false
      Mozilla/5.0 (Android 14; Tablet; rv:133.0) Gecko/133.0 Firefox/133.0 | Firefox | 133 | Android | TABLET | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15 | Firefox | 133 | iOS | MOBILE | false
      Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15 | Safari | 18 | macOS | DESKTOP | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari | 18 | iOS | MOBILE | false
      Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1 | Safari | 17 | iOS | TABLET | false
      Mozilla/5.0 (iPod touch; CPU iPhone OS 15_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1 | Safari | 15 | iOS | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0 | Opera | 115 | Windows | DESKTOP | false
      Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0 | Opera | 86 | Android | MOBILE | false
      Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18 | Opera | 12 | Windows | DESKTOP | false
      Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36 | Samsung Internet | 27 | Android | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 YaBrowser/24.10.0.0 Safari/537.36 | Yandex | 24 | Windows | DESKTOP | false
      Mozilla/5.0 (Linux; U; Android 10; en-US; RMX1971 Build/QKQ1.190918.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.4.0.1306 Mobile Safari/537.36 | UC Browser | 13 | Android | MOBILE | false
      Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/443.0.0.32.118;] | Android WebView | 119 | Android | MOBILE | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.37.105;FBBV/549125493;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5] | iOS WebView | 0 | iOS | MOBILE | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 340.0.3.21.97 (iPhone14,2; iOS 17_5; en_US; en; scale=3.00; 1170x2532; 624410291) | iOS WebView | 0 | iOS | MOBILE | false
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/290.0.579043852 Mobile/15E148 Safari/604.1 | iOS WebView | 0 | iOS | MOBILE | false
      Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko | IE | 11 | Windows | DESKTOP | false
      Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; Trident/6.0) | IE | 10 | Windows | DESKTOP | false
      curl/8.5.0 | curl | 8 | Other | BOT | true
      Wget/1.21.4 | Wget | 1 | Other | BOT | true
      python-requests/2.32.3 | python-requests | 2 | Other | BOT | true
      Python-urllib/3.12 | python-urllib | 3 | Other | BOT | true
      Python/3.12 aiohttp/3.10.10 | aiohttp | 3 | Other | BOT | true
      python-httpx/0.27.2 | httpx | 0 | Other | BOT | true
      Go-http-client/2.0 | Go-http-client | 2 | Other | BOT | true
      okhttp/4.12.0 | okhttp | 4 | Other | BOT | true
      Java/17.0.12 | Java | 17 | Other | BOT | true
      Apache-HttpClient/4.5.14 (Java/17.0.12) | Apache-HttpClient | 4 | Other | BOT | true
      node-fetch/1.0 (+https://github.com/bitinn/node-fetch) | node-fetch | 1 | Other | BOT | true
      axios/1.7.7 | axios | 1 | Other | BOT | true
      undici | undici | 0 | Other | BOT | true
      PostmanRuntime/7.42.0 | PostmanRuntime | 7 | Other | BOT | true
      libwww-perl/6.77 | libwww-perl | 6 | Other | BOT | true
      Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36 | HeadlessChrome | 131 | Linux | BOT | true
      Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1 | PhantomJS | 2 | Linux | BOT | true
      Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | Googlebot | 2 | Other | BOT | true
      Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | Googlebot | 2 | Android | BOT | true
      Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | bingbot | 2 | Other | BOT | true
      Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/) | AhrefsBot | 7 | Other | BOT | true
      Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html) | Baiduspider | 2 | Other | BOT | true
      Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots) | Slackbot | 0 | Other | BOT | true
      facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | facebookexternalhit | 1 | Other | BOT | true
      an unusual client | Other | 0 | Other | UNKNOWN | false
      """)
  void parsesRealWorldUserAgents(
      String ua, String family, int major, String os, DeviceClass device, boolean automated) {
    assertThat(parser.parse(ua)).isEqualTo(new UserAgentInfo(family, major, os, device, automated));
  }

  @Test
  void absentOrBlankHeaderIsAbsent() {
    assertThat(parser.parse(null)).isSameAs(UserAgentInfo.ABSENT);
    assertThat(parser.parse("")).isSameAs(UserAgentInfo.ABSENT);
    assertThat(parser.parse(" \t ")).isSameAs(UserAgentInfo.ABSENT);
  }

  @Test
  void browserUpdateKeepsTheDeviceFamily() {
    // NEW_DEVICE must not fire when Chrome 130 auto-updates to 131 on the same laptop.
    UserAgentInfo before = parser.parse(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36");
    UserAgentInfo after = parser.parse(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");

    assertThat(after.browserMajor()).isNotEqualTo(before.browserMajor());
    assertThat(after.familyKey()).isEqualTo(before.familyKey());
  }

  @Test
  void iosUpdateOfSafariKeepsTheDeviceFamily() {
    UserAgentInfo before = parser.parse(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1");
    UserAgentInfo after = parser.parse(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");

    assertThat(after.familyKey()).isEqualTo(before.familyKey());
  }

  @Test
  void sameBrowserOnAnotherOsIsAnotherDeviceFamily() {
    UserAgentInfo windows = parser.parse(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
    UserAgentInfo mac = parser.parse(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");

    assertThat(mac.familyKey()).isNotEqualTo(windows.familyKey());
  }

  @Test
  void androidPhoneAndAndroidTabletAreDifferentDeviceFamilies() {
    UserAgentInfo phone = parser.parse(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
    UserAgentInfo tablet = parser.parse(
        "Mozilla/5.0 (Linux; Android 14; Pixel Tablet) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");

    assertThat(phone.deviceClass()).isEqualTo(DeviceClass.MOBILE);
    assertThat(tablet.deviceClass()).isEqualTo(DeviceClass.TABLET);
    assertThat(tablet.familyKey()).isNotEqualTo(phone.familyKey());
  }

  @Test
  void repeatedHeaderIsServedFromTheCache() {
    String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    UserAgentInfo first = parser.parse(ua);

    assertThat(parser.parse(new String(ua))).isSameAs(first);
    assertThat(parser.cachedCount()).isEqualTo(1);
  }

  @Test
  void cacheStaysWithinItsSize() {
    UserAgentParser small = new UserAgentParser(10);

    for (int major = 1; major <= 100; major++) {
      small.parse("Mozilla/5.0 (Windows NT 10.0; rv:" + major + ".0) Gecko/20100101 Firefox/" + major + ".0");
    }

    assertThat(small.cachedCount()).isEqualTo(10);
  }

  @Test
  void zeroSizeCacheStillParses() {
    UserAgentParser uncached = new UserAgentParser(0);

    assertThat(uncached.parse("curl/8.5.0").browserFamily()).isEqualTo("curl");
    assertThat(uncached.cachedCount()).isZero();
  }

  @Test
  void headerLongerThanTheEventLimitIsParsedButNotCached() {
    String ua = "curl/8.5.0 " + "x".repeat(UserAgentParser.MAX_CACHED_LENGTH);

    assertThat(parser.parse(ua).automated()).isTrue();
    assertThat(parser.cachedCount()).isZero();
  }

  @Test
  void negativeCacheSizeIsRefused() {
    assertThatThrownBy(() -> new UserAgentParser(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheSize must be >= 0: -1");
  }
}
