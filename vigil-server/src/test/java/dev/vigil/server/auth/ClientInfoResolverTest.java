package dev.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

final class ClientInfoResolverTest {
  @Test
  void resolve_forwardedForNotTrusted_usesTheSocketAddress() {
    MockHttpServletRequest request = request("203.0.113.5");
    request.addHeader("X-Forwarded-For", "81.2.69.160");

    assertThat(new ClientInfoResolver(false).resolve(request, null).ip().canonical()).isEqualTo("203.0.113.5");
  }

  @Test
  void resolve_forwardedForTrusted_usesTheEntryTheProxyAppended() {
    MockHttpServletRequest request = request("10.0.0.2");
    request.addHeader("X-Forwarded-For", "1.1.1.1, 81.2.69.160");

    assertThat(new ClientInfoResolver(true).resolve(request, null).ip().canonical()).isEqualTo("81.2.69.160");
  }

  @Test
  void resolve_forwardedForTrustedButGarbage_fallsBackToTheSocket() {
    MockHttpServletRequest request = request("10.0.0.2");
    request.addHeader("X-Forwarded-For", "not-an-address");

    assertThat(new ClientInfoResolver(true).resolve(request, null).ip().canonical()).isEqualTo("10.0.0.2");
  }

  @Test
  void resolve_ipv6SocketAddressWithZone_parses() {
    assertThat(new ClientInfoResolver(false).resolve(request("fe80:0:0:0:0:0:0:1%1"), null).ip().canonical())
        .isEqualTo("fe80::1");
  }

  @Test
  void resolve_longUserAgent_isTruncatedTo512AndMarked() {
    MockHttpServletRequest request = request("81.2.69.160");
    request.addHeader("User-Agent", "x".repeat(600));

    ClientInfo client = new ClientInfoResolver(false).resolve(request, null);

    assertThat(client.userAgent()).hasSize(512);
    assertThat(client.userAgentTruncated()).isTrue();
  }

  @Test
  void resolve_deviceHeader_winsOverTheBodyField() {
    MockHttpServletRequest request = request("81.2.69.160");
    request.addHeader("X-Device-Id", "from-header");

    assertThat(new ClientInfoResolver(false).resolve(request, "from-body").deviceId()).isEqualTo("from-header");
    assertThat(new ClientInfoResolver(false).resolve(request("81.2.69.160"), "from-body").deviceId())
        .isEqualTo("from-body");
  }

  @Test
  void toString_printsNoAddressOrAgent() {
    MockHttpServletRequest request = request("81.2.69.160");
    request.addHeader("User-Agent", "Secret-Agent");

    assertThat(new ClientInfoResolver(false).resolve(request, "dev").toString())
        .doesNotContain("81.2.69").doesNotContain("Secret-Agent");
  }

  private static MockHttpServletRequest request(String remoteAddress) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/auth/login");
    request.setRemoteAddr(remoteAddress);
    return request;
  }
}
