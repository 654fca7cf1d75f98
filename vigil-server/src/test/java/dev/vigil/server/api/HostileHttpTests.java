package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.ServerTest;
import dev.vigil.server.TestTenant;
import dev.vigil.server.access.ApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker puts around and inside a request, sent byte for byte over a raw socket (an HTTP client would
 * refuse to send most of it) to the engine API and the login endpoint: bodies nested 100,000 levels deep, numbers
 * of 100,000 digits, invalid UTF-8, CR/LF and NUL inside header values, oversized headers and 1 MB user agents,
 * IPv6 written every legal and illegal way. Every one is answered with a 4xx {@code application/problem+json} —
 * never a 5xx, never a dropped connection — or, for the legal IPv6 forms, assessed. (A bare LF ending a header
 * line and obsolete line folding are left out: RFC 9112 lets a server accept them, and Tomcat does, as a line end
 * and a space.)
 */
@ServerTest
final class HostileHttpTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ENDPOINTS = List.of("/api/v1/assess", "/api/v1/events", "/auth/login");
  private static final String EVENT = """
      {"eventId":"e-%s","userId":"u","timestamp":"2026-11-01T08:00:00Z","outcome":"SUCCESS","ip":%s}""";

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  JdbcClient jdbc;

  private TestTenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = TestTenant.create(keys, port);
  }

  static Stream<Arguments> hostileBodies() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("100k nested arrays", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
    bodies.put("100k nested objects", ("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
        .getBytes(StandardCharsets.US_ASCII));
    bodies.put("100k unclosed arrays", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
    bodies.put("100k-digit number", ("{\"userId\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII));
    bodies.put("exponent 1e999999999", "{\"geo\":{\"lat\":1e999999999},\"email\":1e999999999}"
        .getBytes(StandardCharsets.US_ASCII));
    bodies.put("long overflow", "{\"timestamp\":99999999999999999999999,\"tenantId\":-99999999999999999999}"
        .getBytes(StandardCharsets.US_ASCII));
    bodies.put("malformed: missing value", "{\"userId\":}".getBytes(StandardCharsets.US_ASCII));
    bodies.put("malformed: bare word", "undefined".getBytes(StandardCharsets.US_ASCII));
    bodies.put("invalid UTF-8: lone continuation byte", bytes("{\"userId\":\"", new byte[] {(byte) 0x80}, "\"}"));
    bodies.put("invalid UTF-8: cut 3-byte sequence", bytes("{\"email\":\"", new byte[] {(byte) 0xe2, (byte) 0x82},
        "\"}"));
    bodies.put("invalid UTF-8: 0xff", bytes("{\"password\":\"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"}"));
    bodies.put("invalid UTF-8: encoded surrogate", bytes("{\"userId\":\"",
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"}"));
    bodies.put("UTF-32 guess, cut (found by fuzzing)", new byte[] {0, 0, 0, '{', 0, 0});
    return bodies.entrySet().stream().flatMap(body -> ENDPOINTS.stream()
        .map(endpoint -> Arguments.of(body.getKey(), endpoint, body.getValue())));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("hostileBodies")
  void hostileBodiesAreRefusedWithAProblem(String what, String endpoint, byte[] body) throws IOException {
    RawResponse response = send(request("POST", endpoint, Map.of("Content-Type", "application/json"), body));

    assertProblem(response, what + " to " + endpoint);
    assertThat(storedEvents()).isZero();
  }

  static Stream<Arguments> hostileHeaders() {
    String big = "a".repeat(1 << 20);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("bare CR in a value", "User-Agent: curl\rX-Injected: 1");
    headers.put("NUL in a value", "User-Agent: curl\0evil");
    headers.put("space before the colon", "User-Agent : curl");
    headers.put("no colon", "User-Agent curl");
    headers.put("1 MB user agent", "User-Agent: " + big);
    headers.put("1 MB device id", "X-Device-Id: " + big);
    headers.put("20,000 headers", "X-A: 1\r\n".repeat(20_000).strip());
    headers.put("two Content-Lengths", "Content-Length: 3");
    return headers.entrySet().stream().flatMap(header -> ENDPOINTS.stream()
        .map(endpoint -> Arguments.of(header.getKey(), endpoint, header.getValue())));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("hostileHeaders")
  void hostileHeadersAreRefusedWithAProblem(String what, String endpoint, String header) throws IOException {
    byte[] body = EVENT.formatted("h", "\"192.0.2.1\"").getBytes(StandardCharsets.UTF_8);
    byte[] request = request("POST", endpoint, Map.of("Content-Type", "application/json"), body, header);

    RawResponse response = send(request);

    assertProblem(response, what + " to " + endpoint);
    assertThat(storedEvents()).isZero();
  }

  /** Legal IPv6 spellings are assessed; illegal ones (and zone ids, which name a local interface) are refused. */
  @Test
  void ipv6EdgeFormsAreAssessedWhenLegalAndRefusedWithAProblemOtherwise() throws IOException {
    List<String> legal = List.of("::ffff:192.0.2.1", "::ffff:c000:201", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::",
        "::1", "2001:db8:0:0:1::1", "64:ff9b::192.0.2.1", "fe80::1");
    List<String> illegal = List.of("fe80::1%eth0", "fe80::1%25eth0", "fe80::1%", "[2001:db8::1]",
        "[2001:db8::1]:443", "2001:db8:::1", "1::2::3", "::ffff:999.1.1.1", "::ffff:192.0.2", "2001:db8::g",
        "12345::1", "1:2:3:4:5:6:7:8:9", ":1:2:3:4:5:6:7", "::ffff:192.0.2.1%0", "0x7f.0.0.1", "::ffff:1.2.3.4.5");
    int n = 0;
    for (String ip : legal) {
      RawResponse response = send(request("POST", "/api/v1/assess", Map.of("Content-Type", "application/json"),
          EVENT.formatted(n++, JSON.writeValueAsString(ip)).getBytes(StandardCharsets.UTF_8)));
      assertThat(response.status()).as("%s: %s", ip, response.body()).isEqualTo(200);
    }
    for (String ip : illegal) {
      RawResponse response = send(request("POST", "/api/v1/assess", Map.of("Content-Type", "application/json"),
          EVENT.formatted(n++, JSON.writeValueAsString(ip)).getBytes(StandardCharsets.UTF_8)));
      JsonNode problem = assertProblem(response, ip);
      assertThat(problem.path("detail").asText()).as(ip).contains("ip");
    }
    assertThat(storedEvents()).isEqualTo(legal.size());
  }

  private long storedEvents() {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant.id())
        .query(Long.class).single();
  }

  private static JsonNode assertProblem(RawResponse response, String what) throws IOException {
    assertThat(response.status()).as("%s: %s", what, response.body()).isBetween(400, 499);
    assertThat(response.headers().get("content-type")).as(what).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
    assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    return problem;
  }

  private byte[] request(String method, String path, Map<String, String> headers, byte[] body, String... raw) {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Connection: close\r\n")
        .append("Authorization: Bearer ").append(tenant.key().key()).append("\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    for (String line : raw) {
      head.append(line).append("\r\n");
    }
    head.append("\r\n");
    return bytes(head.toString(), body, "");
  }

  private RawResponse send(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        // The server may answer and close before reading a huge request; the answer is still there to read.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try {
        in.transferTo(received);
      } catch (SocketException e) {
        // Connection reset after the answer was written: keep what arrived.
      }
      return RawResponse.parse(received.toString(StandardCharsets.UTF_8));
    }
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Status, lower-cased header names (last one wins) and the body (chunked bodies joined). */
  record RawResponse(int status, Map<String, String> headers, String body) {
    static RawResponse parse(String text) {
      int split = text.indexOf("\r\n\r\n");
      assertThat(split).as("a complete HTTP answer, got: %s", text.length() > 300 ? text.substring(0, 300) : text)
          .isPositive();
      String[] lines = text.substring(0, split).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      String body = text.substring(split + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (true) {
          int end = body.indexOf("\r\n", at);
          int size = Integer.parseInt(body.substring(at, end).strip(), 16);
          if (size == 0) {
            break;
          }
          joined.append(body, end + 2, end + 2 + size);
          at = end + 2 + size + 2;
        }
        body = joined.toString();
      }
      return new RawResponse(status, headers, body);
    }
  }
}
