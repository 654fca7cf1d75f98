package dev.vigil.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.event.IpAddress;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CidrListTest {

  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  @Test
  void ipv4BlockContainsItsFirstAndLastAddressButNotItsNeighbours() {
    CidrList list = CidrList.of("192.0.2.0/24");

    assertThat(list.contains(ip("192.0.2.0"))).isTrue();
    assertThat(list.contains(ip("192.0.2.255"))).isTrue();
    assertThat(list.contains(ip("192.0.1.255"))).isFalse();
    assertThat(list.contains(ip("192.0.3.0"))).isFalse();
  }

  @Test
  void ipv6BlockContainsAddressesUnderItsPrefixOnly() {
    CidrList list = CidrList.of("2001:db8::/32", "2001:db8:ffff:1:2:3:4:0/126");

    assertThat(list.contains(ip("2001:db8:1234::1"))).isTrue();
    assertThat(list.contains(ip("2001:db9::1"))).isFalse();
    assertThat(CidrList.of("2001:db8:ffff:1:2:3:4:0/126").contains(ip("2001:db8:ffff:1:2:3:4:3"))).isTrue();
    assertThat(CidrList.of("2001:db8:ffff:1:2:3:4:0/126").contains(ip("2001:db8:ffff:1:2:3:4:4"))).isFalse();
  }

  @Test
  void bareAddressListsExactlyThatHost() {
    CidrList list = CidrList.of("198.51.100.7", "2001:db8::7");

    assertThat(list.contains(ip("198.51.100.7"))).isTrue();
    assertThat(list.contains(ip("198.51.100.8"))).isFalse();
    assertThat(list.contains(ip("2001:db8::7"))).isTrue();
    assertThat(list.contains(ip("2001:db8::6"))).isFalse();
  }

  @Test
  void ipv4AndIpv6NeverContainEachOther() {
    // Even "everything" in one family says nothing about the other.
    assertThat(CidrList.of("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
    assertThat(CidrList.of("::/0").contains(ip("192.0.2.1"))).isFalse();
    assertThat(CidrList.of("0.0.0.0/0").contains(ip("192.0.2.1"))).isTrue();
  }

  @Test
  void ipv4MappedBlockActsAsTheIpv4Block() {
    CidrList list = CidrList.of("::ffff:10.0.0.0/104");

    assertThat(list.contains(ip("10.200.0.1"))).isTrue();
    assertThat(list.contains(ip("11.0.0.1"))).isFalse();
  }

  @Test
  void longestMatchReportsTheMostSpecificListedNetwork() {
    CidrList list = CidrList.of("10.0.0.0/8", "10.1.0.0/16", "10.1.2.3");

    assertThat(list.longestMatch(ip("10.1.2.3"))).hasValue(32);
    assertThat(list.longestMatch(ip("10.1.9.9"))).hasValue(16);
    assertThat(list.longestMatch(ip("10.9.9.9"))).hasValue(8);
    assertThat(list.longestMatch(ip("11.0.0.0"))).isEmpty();
  }

  @Test
  void duplicatesAreStoredOnce() {
    CidrList list = CidrList.of("192.0.2.0/24", "192.0.2.0/24", "2001:db8::/32", "2001:db8:0::/32");

    assertThat(list.size()).isEqualTo(2);
  }

  @Test
  void emptyListContainsNothing() {
    assertThat(CidrList.EMPTY.isEmpty()).isTrue();
    assertThat(CidrList.EMPTY.contains(ip("192.0.2.1"))).isFalse();
    assertThat(CidrList.EMPTY.contains(ip("::1"))).isFalse();
  }

  @Test
  void hostBitsBeyondThePrefixAreRefusedWithTheLikelyIntendedNetwork() {
    // Masking would silently turn a typo for one host into a block of 16 million addresses.
    assertThatThrownBy(() -> CidrList.of("192.0.2.0/24", "10.1.2.3/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cidr entry 2 \"10.1.2.3/8\": host bits set beyond /8 (did you mean 10.0.0.0/8?)");
  }

  @Test
  void badEntriesAreRefusedNamingTheEntryAndTheRule() {
    assertThatThrownBy(() -> CidrList.of("300.1.1.1/8"))
        .hasMessage("cidr entry 1 \"300.1.1.1/8\": not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> CidrList.of("192.0.2.0/33"))
        .hasMessage("cidr entry 1 \"192.0.2.0/33\": prefix length must be 0-32: /33");
    assertThatThrownBy(() -> CidrList.of("2001:db8::/129"))
        .hasMessage("cidr entry 1 \"2001:db8::/129\": prefix length must be 0-128: /129");
    assertThatThrownBy(() -> CidrList.of("192.0.2.0/x"))
        .hasMessage("cidr entry 1 \"192.0.2.0/x\": prefix length must be a number of 1-3 digits: /x");
  }

  @Test
  void parseSkipsCommentsAndReportsEachBadLineByNumberWhileKeepingTheGoodOnes() throws IOException {
    String file = """
        # office egress
        192.0.2.0/24   # HQ

        10.1.2.3/8
        2001:db8::/32
        not-an-ip
        198.51.100.7
        """;

    CidrList.ParseResult result = CidrList.parse(new StringReader(file));

    assertThat(result.list().size()).isEqualTo(3);
    assertThat(result.list().contains(ip("192.0.2.9"))).isTrue();
    assertThat(result.list().contains(ip("198.51.100.7"))).isTrue();
    assertThat(result.problems())
        .containsExactly(
            new CidrList.ParseProblem(4, "\"10.1.2.3/8\": host bits set beyond /8 (did you mean 10.0.0.0/8?)"),
            new CidrList.ParseProblem(6, "\"not-an-ip\": not an IPv4 or IPv6 address"));
  }

  @Test
  void parseOfAMissingFileNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("blocklist.txt");

    assertThatThrownBy(() -> CidrList.parse(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("blocklist.txt");
  }

  @Test
  void largeListAgreesWithANaiveSetOfNetworks() {
    // 100k host and /24 entries: every lookup must agree with a plain set of masked keys.
    Random random = new Random(42);
    Set<Long> hosts = new HashSet<>();
    Set<Long> slash24s = new HashSet<>();
    String[] entries = new String[100_000];
    for (int i = 0; i < entries.length; i++) {
      long address = random.nextInt() & 0xFFFF_FFFFL;
      if (i % 2 == 0) {
        hosts.add(address);
        entries[i] = IpAddress.ofV4((int) address).canonical();
      } else {
        slash24s.add(address & 0xFFFF_FF00L);
        entries[i] = IpAddress.ofV4((int) (address & 0xFFFF_FF00L)).canonical() + "/24";
      }
    }
    CidrList list = CidrList.of(entries);

    for (long host : hosts) {
      assertThat(list.contains(IpAddress.ofV4((int) host))).isTrue();
    }
    for (long network : slash24s) {
      assertThat(list.contains(IpAddress.ofV4((int) (network | 0xA7)))).isTrue();
    }
    for (int i = 0; i < 200_000; i++) {
      long address = random.nextInt() & 0xFFFF_FFFFL;
      boolean expected = hosts.contains(address) || slash24s.contains(address & 0xFFFF_FF00L);
      if (list.contains(IpAddress.ofV4((int) address)) != expected) {
        throw new AssertionError("disagrees on " + IpAddress.ofV4((int) address).canonical());
      }
    }
  }
}
