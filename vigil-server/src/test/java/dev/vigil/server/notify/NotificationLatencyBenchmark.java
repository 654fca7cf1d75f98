package dev.vigil.server.notify;

import dev.vigil.server.VigilServer;
import dev.vigil.server.engine.LoginPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Detect → notification delivered, end to end (DESIGN.md §6 target: p99 ≤ 1 s): the server with its real
 * dispatcher loops over PostgreSQL, a healthy webhook receiver (MockWebServer) that notes when each alert
 * arrives. Latency is the receiver's arrival time minus the alert's {@code createdAt} (the instant the pipeline
 * received the login, before the engine assessed it), both on this machine's clock. Not a test: timings are never
 * asserted; results go to docs/BENCHMARKS.md.
 *
 * <p>Run with {@code vigil-bench/scripts/notify-latency.sh [alerts] [alerts-per-second]} (defaults 1000, 200).
 */
public final class NotificationLatencyBenchmark {
  private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

  private NotificationLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          Instant arrived = Instant.now();
          try {
            String createdAt = Outbox.JSON.readTree(request.getBody().utf8()).path("data").path("alert")
                .path("createdAt").asText();
            latenciesMicros.add(Duration.between(Instant.parse(createdAt), arrived).toNanos() / 1000);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return new MockResponse.Builder().code(200).build();
        }
      });
      receiver.start();
      String db = System.getenv().getOrDefault("VIGIL_BENCH_JDBC_URL", "");
      try (ConfigurableApplicationContext server = new SpringApplicationBuilder(VigilServer.class).run(
          "--server.port=0", "--spring.datasource.url=" + db,
          "--vigil.embedded-db.dir=target/bench-postgres", "--vigil.embedded-db.ephemeral=true",
          "--vigil.privacy.hmac-key=YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktYmVuY2gtb25seQ==",
          "--vigil.notify.channels.webhook.url=" + receiver.url("/hooks/vigil"),
          "--vigil.notify.channels.webhook.signing-secret=bench-secret",
          "--vigil.notify.links.secret=bench-link-secret-0123456789abcdef0123",
          "--logging.level.root=WARN")) {
        LoginPipeline pipeline = server.getBean(LoginPipeline.class);
        String tenant = "bench-" + System.nanoTime();
        for (int u = 0; u < alerts; u++) {
          for (int day = 1; day <= 12; day++) {
            assess(pipeline, tenant, "u" + u, "h" + u + "-" + day, "2026-10-%02dT09:00:00Z".formatted(day),
                "81.2.69.160", CHROME, "{\"country\":\"DE\",\"city\":\"Berlin\",\"asn\":3320}");
          }
        }
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int u = 0; u < alerts; u++) {
          LockSupport.parkNanos(start + u * intervalNanos - System.nanoTime());
          assess(pipeline, tenant, "u" + u, "away" + u, "2026-10-20T09:00:00Z", "203.0.113.9", "curl/8.5.0",
              "{\"country\":\"BR\",\"city\":\"Sao Paulo\",\"asn\":28573}");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (latenciesMicros.size() < alerts && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        report(alerts, perSecond, latenciesMicros);
      }
    }
  }

  private static void assess(LoginPipeline pipeline, String tenant, String user, String eventId, String at,
      String ip, String userAgent, String geo) {
    String json = """
        {"eventId":"%s","tenantId":"%s","userId":"%s","timestamp":"%s","outcome":"SUCCESS","ip":"%s",
         "userAgent":"%s","geo":%s}""".formatted(eventId, tenant, user, at, ip, userAgent, geo);
    pipeline.assess(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void report(int alerts, int perSecond, ConcurrentLinkedQueue<Long> latenciesMicros) {
    long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("alerts produced %d at %d/s, notifications delivered %d%n", alerts, perSecond, sorted.length);
    if (sorted.length == 0) {
      return;
    }
    System.out.printf("detect -> delivered: p50 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms%n",
        percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0, sorted[sorted.length - 1] / 1000.0,
        Arrays.stream(sorted).average().orElse(0) / 1000.0);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
