package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class UserAgentParserProperties {

  private final UserAgentParser parser = new UserAgentParser(64);

  @Property(tries = 2_000)
  void parseNeverThrowsAndNeverReturnsNullForAnyString(@ForAll String ua) {
    UserAgentInfo info = parser.parse(ua);

    assertThat(info).isNotNull();
    assertThat(info.browserMajor()).isBetween(0, 99_999);
  }

  /**
   * Random strings rarely hit the interesting branches; shuffled real tokens (with odd separators, cut versions
   * and non-ASCII) do.
   */
  @Property(tries = 2_000)
  void parseNeverThrowsForShuffledUserAgentFragments(@ForAll("fragmentSoup") String ua) {
    UserAgentInfo info = parser.parse(ua);

    assertThat(info).isNotNull();
    assertThat(info.automated()).isEqualTo(info.deviceClass() == DeviceClass.BOT);
  }

  @Property
  void versionBumpNeverChangesTheFamilyKey(
      @ForAll("browserTemplates") String template,
      @ForAll @IntRange(min = 1, max = 999) int oldMajor,
      @ForAll @IntRange(min = 1, max = 999) int newMajor) {
    UserAgentInfo before = parser.parse(template.replace("{v}", Integer.toString(oldMajor)));
    UserAgentInfo after = parser.parse(template.replace("{v}", Integer.toString(newMajor)));

    assertThat(after.browserMajor()).isEqualTo(newMajor);
    assertThat(after.familyKey()).isEqualTo(before.familyKey());
  }

  @Provide
  Arbitrary<String> browserTemplates() {
    return Arbitraries.of(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/{v}.0.1.2",
        "Mozilla/5.0 (Android 14; Mobile; rv:{v}.0) Gecko/{v}.0 Firefox/{v}.0",
        "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{v}.0 Chrome/125.0.0.0 Mobile Safari/537.36",
        "curl/{v}.5.0");
  }

  @Provide
  Arbitrary<String> fragmentSoup() {
    Arbitrary<String> fragment = Arbitraries.of(
        "Mozilla/5.0", "(Windows NT 10.0; Win64; x64)", "(iPhone; CPU iPhone OS 17_7 like Mac OS X)", "(iPad;",
        "Android", "Mobile", "; wv)", "AppleWebKit/537.36", "(KHTML, like Gecko)", "Chrome/", "Chrome/131.0",
        "Safari/", "Version/", "Edg/", "EdgA/", "OPR/", "Opera/", "SamsungBrowser/", "YaBrowser/", "UCBrowser/",
        "Firefox/", "FxiOS/", "CriOS/", "MSIE ", "Trident/7.0", "rv:", "rv:11", "curl", "Java/", "HeadlessChrome/",
        "Googlebot/", "bot", "CUBOT", "spider", "/", " ", ";", "İ", "ﬀ", "\u0000", "99999999999", "\uD83D\uDE00",
        "\uD800");
    return fragment.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }
}
