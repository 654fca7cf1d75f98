package dev.vigil.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener's shipper against a real HTTP server standing in for Vigil's {@code POST /api/v1/assess}. */
final class EventShipperTest {
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer vigil;

  @AfterEach
  void stop() {
    release.countDown();
    vigil.stop(0);
  }

  @Test
  void sendsEachLoginAsAnEventWithTheApiKey() throws Exception {
    EventShipper shipper = new EventShipper(new VigilClient(endpoint(false)), 10);

    shipper.offer(failure("e-1", "user_not_found", "UNKNOWN_USER"));

    awaitTrue(() -> shipper.sent() == 1);
    assertThat(keys).containsExactly("vgl_0123456789abcdef_secret");
    assertThat(bodies.getFirst()).contains("\"eventId\":\"e-1\"", "\"userId\":\"mallory\"",
        "\"outcome\":\"FAILURE\"", "\"failureReason\":\"UNKNOWN_USER\"", "\"ip\":\"192.0.2.44\"",
        "\"error\":\"user_not_found\"", "\"client\":\"app\"");
    shipper.close();
  }

  @Test
  void dropsAndCountsWhatDoesNotFitWhileVigilHangsWithoutHoldingUpTheLogin() throws Exception {
    EventShipper shipper = new EventShipper(new VigilClient(endpoint(true)), 2);

    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      shipper.offer(failure("e-" + i, "invalid_user_credentials", "BAD_PASSWORD"));
    }
    Duration spent = Duration.ofNanos(System.nanoTime() - start);

    // One record is in flight (the server holds it), two wait in the queue; the rest are dropped and counted.
    assertThat(shipper.dropped()).isBetween(47L, 48L);
    assertThat(spent).as("offers never wait for Vigil").isLessThan(Duration.ofSeconds(5));
    release.countDown();
    shipper.close();
  }

  private VigilEndpoint endpoint(boolean hang) throws IOException {
    vigil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    vigil.createContext("/api/v1/assess", exchange -> {
      keys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (hang) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = "{\"decision\":\"ALLOW\",\"score\":3}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    vigil.start();
    return new VigilEndpoint(URI.create("http://127.0.0.1:" + vigil.getAddress().getPort()),
        "vgl_0123456789abcdef_secret", Duration.ofSeconds(10));
  }

  private static LoginRecord failure(String id, String error, String reason) {
    return new LoginRecord(id, "mallory", Instant.parse("2026-11-23T10:00:00Z"), false, reason, "192.0.2.44",
        "curl/8", "acme", "app", error, null);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
