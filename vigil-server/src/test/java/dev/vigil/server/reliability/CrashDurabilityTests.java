package dev.vigil.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.EngineSettings;
import dev.vigil.core.ProfileSummary;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.NetworkClassifier;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEventReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing acknowledged is lost when the server dies by SIGKILL: the server runs as a separate process over its own
 * embedded PostgreSQL; single assessments and batches are sent concurrently while it is killed at random moments and
 * restarted; events that were not acknowledged are sent again after each restart, as a client would. Then every
 * event answered 2xx is stored once with its assessment (the one returned), and every profile the restarted server
 * shows is the one a fresh engine builds by replaying the stored events in order — so no acknowledged login was
 * forgotten and none learned twice.
 *
 * <p>Bounded for the normal suite (3 kills, about a minute); longer on demand:
 * {@code -Dvigil.crash.kills=20 -Dvigil.crash.seconds-per-life=10}. Snapshots are taken every 300 events, so kills
 * land before, during and after snapshots and a restart replays on top of one.
 */
final class CrashDurabilityTests {
  private static final String TENANT = "crash";
  private static final String HMAC_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==";
  private static final int USERS = 30;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private final int kills = Integer.getInteger("vigil.crash.kills", 3);
  private final double secondsPerLife = Double.parseDouble(System.getProperty("vigil.crash.seconds-per-life", "4"));
  private final long seed = Long.getLong("vigil.crash.seed", System.nanoTime());
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String key = newKey();
  /** Event time moves on with every event created, so the engine sees time pass. */
  private final AtomicLong clock = new AtomicLong();
  /** eventId → the assessment JSON a 200 of /assess returned. */
  private final Map<String, String> ackedSingles = new ConcurrentHashMap<>();
  /** eventId → "decision/score" of an acknowledged batch element. */
  private final Map<String, String> ackedInBatches = new ConcurrentHashMap<>();
  /** Events sent without a 2xx (the connection died): sent again after the restart. */
  private final ConcurrentLinkedQueue<String> unacknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicLong refused = new AtomicLong();

  @Test
  void everyAcknowledgedEventSurvivesRepeatedKillMinusNineOnceWithItsAssessmentAndProfilesMatchAReplay()
      throws Exception {
    Random random = new Random(seed);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true).start()) {
      List<String> properties = List.of(
          "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "vigil.privacy.hmac-key=" + HMAC_KEY,
          "vigil.access.bootstrap-keys=" + TENANT + ":" + key,
          "vigil.access.rate-limit.enabled=false",
          "vigil.auth.signing-key-file=" + work.resolve("jwt.key"),
          "vigil.engine.snapshot.every-events=300",
          "logging.level.dev.vigil=INFO");
      for (int life = 0; life <= kills; life++) {
        ServerProcess server = ServerProcess.start(work, "server-" + life, properties);
        boolean last = life == kills;
        resendUnacknowledged(server);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          int client = c;
          clients.add(Thread.ofVirtual().start(() -> singles(server, running, life(client, random))));
        }
        for (int c = 0; c < 2; c++) {
          int client = c;
          clients.add(Thread.ofVirtual().start(() -> batches(server, running, life(10 + client, random))));
        }
        Thread.sleep((long) (1000 * secondsPerLife * (last ? 1 : 0.5 + random.nextDouble())));
        if (last) {
          running.set(false);
          joinAll(clients);
          resendUnacknowledged(server);
          verify(server, postgres.getPostgresDatabase());
          server.close();
        } else {
          server.kill(); // while the clients are still sending
          running.set(false);
          joinAll(clients);
        }
      }
    }
  }

  private long life(int client, Random random) {
    synchronized (random) {
      return random.nextLong() ^ client;
    }
  }

  private void singles(ServerProcess server, AtomicBoolean running, long clientSeed) {
    Random random = new Random(clientSeed);
    while (running.get()) {
      String event = newEvent(random);
      sendSingle(server, event);
    }
  }

  private void batches(ServerProcess server, AtomicBoolean running, long clientSeed) {
    Random random = new Random(clientSeed);
    while (running.get()) {
      List<String> batch = new ArrayList<>();
      for (int i = 10 + random.nextInt(90); i > 0; i--) {
        batch.add(newEvent(random));
      }
      sendBatch(server, batch);
    }
  }

  private void sendSingle(ServerProcess server, String event) {
    try {
      HttpResponse<String> response = http.send(post(server, "/api/v1/assess", "application/json", event),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        ackedSingles.put(eventId(event), response.body());
      } else {
        refused.incrementAndGet();
        unacknowledged.add(event);
      }
    } catch (IOException e) {
      unacknowledged.add(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendBatch(ServerProcess server, List<String> events) {
    try {
      HttpResponse<String> response = http.send(post(server, "/api/v1/events", "application/x-ndjson",
          String.join("\n", events)), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        for (JsonNode result : JSON.readTree(response.body())) {
          assertThat(result.get("status").asText()).isIn("assessed", "duplicate");
          ackedInBatches.put(result.get("eventId").asText(),
              result.get("decision").asText() + "/" + result.get("score").asInt());
        }
      } else {
        refused.incrementAndGet();
        unacknowledged.addAll(events);
      }
    } catch (IOException e) {
      unacknowledged.addAll(events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a client does after an outage: sends again, in batches, everything that was not acknowledged. */
  private void resendUnacknowledged(ServerProcess server) {
    List<String> again = new ArrayList<>();
    for (String event; (event = unacknowledged.poll()) != null; ) {
      again.add(event);
    }
    for (int from = 0; from < again.size(); from += 500) {
      sendBatch(server, again.subList(from, Math.min(again.size(), from + 500)));
    }
  }

  private void verify(ServerProcess server, DataSource database) throws Exception {
    assertThat(unacknowledged).as("every event was acknowledged in the end").isEmpty();
    assertThat(ackedSingles).isNotEmpty();
    assertThat(ackedInBatches).isNotEmpty();
    JdbcClient jdbc = JdbcClient.create(database);
    assertThat(jdbc.sql("SELECT count(*) FROM (SELECT event_id FROM login_events GROUP BY tenant_id, event_id "
        + "HAVING count(*) > 1) twice").query(Long.class).single()).isZero();
    Map<String, String> stored = new ConcurrentHashMap<>();
    jdbc.sql("SELECT a.event_id, a.assessment::text FROM assessments a JOIN login_events e USING (tenant_id, event_id)"
        + " WHERE a.tenant_id = ?").param(TENANT)
        .query((rs, n) -> stored.put(rs.getString(1), rs.getString(2))).list();
    long events = jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = ?").param(TENANT)
        .query(Long.class).single();
    assertThat(stored).as("one assessment per stored event").hasSize((int) events);
    ackedSingles.forEach((eventId, answer) ->
        assertThat(stored.get(eventId)).as("the stored assessment of %s is the one returned", eventId)
            .isEqualTo(answer));
    ackedInBatches.forEach((eventId, decision) -> {
      assertThat(stored).as("acknowledged batch event %s is stored", eventId).containsKey(eventId);
      JsonNode assessment = readTree(stored.get(eventId));
      assertThat(assessment.get("decision").asText() + "/" + assessment.get("score").asInt()).isEqualTo(decision);
    });

    VigilEngine replay = VigilEngine.builder().settings(EngineSettings.defaults())
        .enricher(new Enricher(GeoLookup.NONE, NetworkClassifier.builtIn(), new UserAgentParser(1000))).build();
    LoginEventReader reader = LoginEventReader.lenientAboutTime();
    jdbc.sql("SELECT raw_event FROM login_events ORDER BY seq")
        .query((rs, n) -> replay.assess(reader.read(rs.getString(1)))).list();
    for (int u = 0; u < USERS; u++) {
      String user = "u-" + u;
      ProfileSummary expected = replay.profileSummary(TENANT, user).orElse(null);
      HttpResponse<String> risk = http.send(HttpRequest.newBuilder(server.uri("/api/v1/users/" + user + "/risk"))
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      if (expected == null) {
        assertThat(risk.statusCode()).isEqualTo(404);
        continue;
      }
      assertThat(risk.statusCode()).isEqualTo(200);
      assertThat(readTree(risk.body()).get("profile")).as("profile of %s after %d kills", user, kills)
          .isEqualTo(JSON.valueToTree(Map.of(
              "successes", expected.successes(), "countries", expected.countries(),
              "networks", expected.networks(), "systems", expected.systems(), "devices", expected.devices(),
              "userAgentFamilies", expected.userAgentFamilies(), "usualHours", expected.usualHours(),
              "lastSuccess", String.valueOf(expected.lastSuccess()))));
    }
    Files.writeString(work.resolve("summary.txt"), "seed " + seed + ", stored " + events + ", acknowledged "
        + (ackedSingles.size() + ackedInBatches.size()) + ", refused " + refused.get());
    System.out.printf("crash durability: seed %d, %d kills, %d events stored, %d singles and %d batch events "
        + "acknowledged, %d requests refused%n", seed, kills, events, ackedSingles.size(), ackedInBatches.size(),
        refused.get());
  }

  private String newEvent(Random random) {
    long n = clock.incrementAndGet();
    int user = random.nextInt(USERS);
    boolean away = random.nextInt(20) == 0;
    boolean failure = random.nextInt(8) == 0;
    String ip = away ? "203.0.113." + random.nextInt(250) : "81.2." + (60 + user) + "." + (10 + random.nextInt(3));
    String agent = random.nextInt(10) == 0 ? "curl/8.5.0"
        : "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    return "{\"eventId\":\"e-" + seed + "-" + n + "\",\"userId\":\"u-" + user + "\",\"timestamp\":\""
        + EPOCH.plusSeconds(n * 97) + "\",\"outcome\":\"" + (failure ? "FAILURE" : "SUCCESS") + "\""
        + (failure ? ",\"failureReason\":\"BAD_PASSWORD\"" : "") + ",\"ip\":\"" + ip + "\",\"userAgent\":\""
        + agent + "\",\"deviceId\":\"d-" + user + "-" + (away ? random.nextInt(1000) : 0) + "\"}";
  }

  private HttpRequest post(ServerProcess server, String path, String type, String body) {
    return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", type).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String eventId(String event) {
    return readTree(event).get("eventId").asText();
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void joinAll(List<Thread> threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
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
}
