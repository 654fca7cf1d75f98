package dev.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
  @Test
  void parsesDottedQuads() {
    IpAddress ip = IpAddress.parse("81.2.69.160");

    assertThat(ip.v4()).isTrue();
    assertThat(ip.canonical()).isEqualTo("81.2.69.160");
    assertThat(ip.masked()).isEqualTo("81.2.69.xxx");
    assertThat(ip.networkText()).isEqualTo("81.2.69.0/24");
  }

  @Test
  void parsesIpv6InEveryTextForm() {
    assertThat(IpAddress.parse("2001:db8::1").canonical()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.parse("2001:0db8:0000:0000:0000:0000:0000:0001").canonical()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.parse("::").canonical()).isEqualTo("::");
    assertThat(IpAddress.parse("::1").canonical()).isEqualTo("::1");
    assertThat(IpAddress.parse("fe80::").canonical()).isEqualTo("fe80::");
    assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1").canonical()).isEqualTo("2001:db8::1:0:0:1");
    assertThat(IpAddress.parse("64:ff9b::192.0.2.33").canonical()).isEqualTo("64:ff9b::c000:221");
  }

  @Test
  void treatsIpv4MappedIpv6AsIpv4() {
    IpAddress mapped = IpAddress.parse("::ffff:81.2.69.160");

    assertThat(mapped).isEqualTo(IpAddress.parse("81.2.69.160"));
  }

  @Test
  void groupsIpv6ByItsSlash48() {
    IpAddress a = IpAddress.parse("2a02:8108:1:2::10");
    IpAddress b = IpAddress.parse("2a02:8108:1:ffff::99");

    assertThat(a.networkKey()).isEqualTo(b.networkKey());
    assertThat(a.networkText()).isEqualTo("2a02:8108:1::/48");
    assertThat(a.masked()).isEqualTo("2a02:8108:1::xxxx");
    assertThat(a.networkKey()).isNotEqualTo(IpAddress.parse("2a02:8108:2::1").networkKey());
  }

  @Test
  void namesTheProviderBlockThatStandsInForTheAs() {
    assertThat(IpAddress.parse("81.2.69.160").providerBlockText()).isEqualTo("81.2.0.0/16");
    assertThat(IpAddress.parse("2a02:8108:1:2::10").providerBlockText()).isEqualTo("2a02:8108::/32");
    assertThat(IpAddress.parse("81.2.69.160").providerBlockKey()).isEqualTo(IpAddress.parse("81.2.1.1").providerBlockKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.", "", "abc", "1::2::3",
      "12345::", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3.256", "fe80::1%eth0", " 1.2.3.4", "[::1]", ":1:2"})
  void refusesWhatIsNotAnAddressLiteral(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(InvalidEventException.class)
        .satisfies(e -> assertThat(((InvalidEventException) e).field()).isEqualTo("ip"));
  }

  @Test
  void printsOnlyTheMaskedFormByAccident() {
    assertThat(String.valueOf(IpAddress.parse("81.2.69.160"))).isEqualTo("81.2.69.xxx");
  }

  @Test
  void knowsPrivateRanges() {
    assertThat(IpAddress.parse("10.1.2.3").isPrivate()).isTrue();
    assertThat(IpAddress.parse("172.20.0.1").isPrivate()).isTrue();
    assertThat(IpAddress.parse("192.168.1.1").isPrivate()).isTrue();
    assertThat(IpAddress.parse("fd00::1").isPrivate()).isTrue();
    assertThat(IpAddress.parse("81.2.69.160").isPrivate()).isFalse();
    assertThat(IpAddress.parse("172.32.0.1").isPrivate()).isFalse();
  }

  @Property
  void ipv4TextRoundTrips(@ForAll int address) {
    IpAddress ip = IpAddress.ofV4(address);
    assertThat(IpAddress.parse(ip.canonical())).isEqualTo(ip);
  }

  @Property
  void ipv6TextRoundTrips(@ForAll long high, @ForAll long low) {
    IpAddress ip = new IpAddress(high, low, false);
    IpAddress parsed = IpAddress.parse(ip.canonical());
    // An IPv4-mapped value comes back as IPv4, by design; every other value round-trips exactly.
    if (high == 0 && (low >>> 32) == 0xFFFFL) {
      assertThat(parsed.v4()).isTrue();
    } else {
      assertThat(parsed).isEqualTo(ip);
    }
  }

  @Property
  void parsingNeverThrowsAnythingButInvalidEvent(@ForAll String text) {
    try {
      IpAddress.parse(text);
    } catch (InvalidEventException expected) {
      assertThat(expected.field()).isEqualTo("ip");
    }
  }
}
