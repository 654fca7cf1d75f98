package dev.vigil.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.VigilServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stops under load and comes back: two servers, one per setting of
 * {@code vigil.assess.on-store-failure}, each on its own database of one embedded cluster that this test starts,
 * stops and starts again (never a shared server). During the outage fail-open answers 200 marked
 * {@code "degraded":true,"stored":false}, fail-closed answers 503 problem+json with {@code Retry-After}, and both
 * report DOWN on {@code /actuator/health}; afterwards both are UP again without a restart, every login answered
 * as stored is stored once with the assessment returned, every login fail-open answered degraded is stored too
 * (the writer held it), and what fail-closed refused is accepted when sent again.
 *
 * <p>The outage lasts 6 s here; {@code -Dvigil.outage.seconds=30} for the full run of docs/RELIABILITY.md.
 */
final class DatabaseOutageTests {
  private static final String HMAC_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);

  @TempDir
  Path work;

  private final long outageSeconds = Long.getLong("vigil.outage.seconds", 6);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicLong clock = new AtomicLong();

  @Test
  void assessDegradesAsConfiguredWhilePostgresIsDownAndRecoversWithoutRestartLosingNothingAcknowledged()
      throws Exception {
    Path data = work.resolve("pg");
    int pgPort = freePort();
    EmbeddedPostgres postgres = start(data, pgPort);
    JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE closed").update();
    String base = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
    Server open = new Server("fail-open", base + "postgres?user=postgres");
    Server closed = new Server("fail-closed", base + "closed?user=postgres");
    try (ConfigurableApplicationContext openContext = open.start();
        ConfigurableApplicationContext closedContext = closed.start()) {
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (Server server : List.of(open, closed)) {
        for (int c = 0; c < 3; c++) {
          clients.add(Thread.ofVirtual().start(() -> server.load(running)));
        }
      }
      Thread.sleep(2000);
      assertThat(open.health()).isEqualTo(200);
      long before = open.answers.size() + closed.answers.size();

      postgres.close();
      Instant down = Instant.now();
      AtomicReference<Duration> openDown = new AtomicReference<>();
      AtomicReference<Duration> closedDown = new AtomicReference<>();
      while (Duration.between(down, Instant.now()).toSeconds() < outageSeconds) {
        if (openDown.get() == null && open.health() == 503) {
          openDown.set(Duration.between(down, Instant.now()));
        }
        if (closedDown.get() == null && closed.health() == 503) {
          closedDown.set(Duration.between(down, Instant.now()));
        }
        Thread.sleep(250);
      }
      assertThat(openDown.get()).as("fail-open health turned DOWN during the outage").isNotNull();
      assertThat(closedDown.get()).as("fail-closed health turned DOWN during the outage").isNotNull();
      assertThat(open.degraded.get()).as("fail-open answered degraded during the outage").isPositive();
      assertThat(closed.refused.get()).as("fail-closed answered 503 during the outage").isPositive();
      long during = open.answers.size() + closed.answers.size() - before;

      postgres = start(data, pgPort);
      Instant back = Instant.now();
      Duration openUp = awaitUp(open);
      Duration closedUp = awaitUp(closed);
      Thread.sleep(2000); // load goes on after the recovery
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
      closed.resendRefused();

      open.verifyStored();
      closed.verifyStored();
      assertThat(open.unexpected).as("fail-open answered nothing but 200").isEmpty();
      assertThat(closed.unexpected).as("fail-closed answered nothing but 200 and 503 problem+json").isEmpty();
      System.out.printf("database outage of %d s: %d answers before, %d during; fail-open %d degraded, health DOWN "
              + "after %s, UP %s after PostgreSQL; fail-closed %d × 503, DOWN after %s, UP %s after; "
              + "fail-open stored %d logins, fail-closed %d%n", outageSeconds, before, during, open.degraded.get(),
          openDown.get(), openUp, closed.refused.get(), closedDown.get(), closedUp, open.answers.size(),
          closed.answers.size());
      assertThat(Duration.between(back, Instant.now())).isLessThan(RECOVERY_LIMIT.multipliedBy(2));
    } finally {
      postgres.close();
    }
  }

  private static Duration awaitUp(Server server) throws InterruptedException {
    Instant from = Instant.now();
    while (server.health() != 200) {
      assertThat(Duration.between(from, Instant.now())).as("%s UP again", server.mode).isLessThan(RECOVERY_LIMIT);
      Thread.sleep(250);
    }
    return Duration.between(from, Instant.now());
  }

  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String newKey() {
    SecureRandom random = new SecureRandom();
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    return "vgl_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** One server under load, and what it answered. */
  private final class Server {
    final String mode;
    final String jdbcUrl;
    final String key = newKey();
    final String tenant;
    /** eventId → the 200 answer. */
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final Map<String, String> refusedEvents = new ConcurrentHashMap<>();
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong degraded = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    ConfigurableApplicationContext context;
    int port;

    Server(String mode, String jdbcUrl) {
      this.mode = mode;
      this.jdbcUrl = jdbcUrl;
      this.tenant = "outage-" + mode;
    }

    ConfigurableApplicationContext start() {
      // Arguments, not default properties: application.properties' spring.datasource.url would win over those.
      context = new SpringApplicationBuilder(VigilServer.class).run(
          "--server.port=0",
          "--spring.datasource.url=" + jdbcUrl,
          "--vigil.privacy.hmac-key=" + HMAC_KEY,
          "--vigil.access.bootstrap-keys=" + tenant + ":" + key,
          "--vigil.access.rate-limit.enabled=false",
          "--vigil.auth.signing-key-file=" + work.resolve(mode + "-jwt.key"),
          "--vigil.assess.on-store-failure=" + mode,
          "--vigil.assess.degrade-after=PT1S");
      port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      return context;
    }

    void load(AtomicBoolean running) {
      while (running.get()) {
        String event = event();
        send(event);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private String event() {
      long n = clock.incrementAndGet();
      return "{\"eventId\":\"o-" + n + "\",\"userId\":\"u-" + n % 20 + "\",\"timestamp\":\""
          + Instant.parse("2026-06-01T00:00:00Z").plusSeconds(n * 60) + "\",\"outcome\":\"SUCCESS\",\"ip\":\"81.2.69."
          + n % 20 + "\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\"}";
    }

    private void send(String event) {
      String eventId = JSON.valueToTree(readTree(event)).get("eventId").asText();
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/assess"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
            HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200) {
          answers.put(eventId, response.body());
          if (readTree(response.body()).path("degraded").asBoolean()) {
            degraded.incrementAndGet();
          }
        } else if (response.statusCode() == 503 && mode.equals("fail-closed")
            && type.startsWith("application/problem+json")
            && response.headers().firstValue("Retry-After").isPresent()) {
          refused.incrementAndGet();
          refusedEvents.put(eventId, event);
        } else {
          unexpected.add(response.statusCode() + " " + type + " " + response.body());
        }
      } catch (IOException e) {
        unexpected.add(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void resendRefused() {
      List<String> again = new ArrayList<>(refusedEvents.values());
      refusedEvents.clear();
      again.forEach(this::send);
      assertThat(refusedEvents).as("%s: every refused login is accepted when sent again", mode).isEmpty();
    }

    /** Every 200 is stored once, with the assessment returned (a degraded one without its two marks). */
    void verifyStored() throws InterruptedException {
      JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
      Map<String, String> stored = new ConcurrentHashMap<>();
      Instant from = Instant.now();
      while (true) {
        stored.clear();
        jdbc.sql("SELECT event_id, assessment::text FROM assessments WHERE tenant_id = ?").param(tenant)
            .query((rs, n) -> stored.put(rs.getString(1), rs.getString(2))).list();
        if (stored.keySet().containsAll(answers.keySet())
            || Duration.between(from, Instant.now()).compareTo(RECOVERY_LIMIT) > 0) {
          break;
        }
        Thread.sleep(250); // held logins are being written
      }
      answers.forEach((eventId, answer) -> {
        JsonNode node = readTree(answer);
        if (node.path("degraded").asBoolean() && !node.has("score")) {
          return; // not even assessed: fail-open's bare ALLOW promises nothing stored
        }
        String expected = answer.replace("," + "\"degraded\":true,\"stored\":false", "");
        assertThat(stored.get(eventId)).as("%s: %s stored with the assessment answered", mode, eventId)
            .isEqualTo(expected);
      });
      assertThat(jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(tenant)
          .query(Long.class).single()).isEqualTo(stored.size());
    }

    int health() {
      try {
        return http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
