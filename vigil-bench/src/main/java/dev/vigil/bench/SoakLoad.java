package dev.vigil.bench;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator for {@code POST /api/v1/assess} at a fixed rate, as wrk2 runs it: request {@code i}
 * is due at {@code start + i / rate} (after a warm-up that ramps from a tenth of the rate) whatever happened to the
 * ones before, at most {@code --max-in-flight} (256) at once, and its latency is measured from when it
 * was due, not from when it was sent — so a stalled server is charged for every request it held up (no coordinated
 * omission). Replays a simulated month ({@link Traffic}) in time order, lap after lap with every lap's events moved
 * 30 days on and given new eventIds, so every request is a new login that the engine assesses and the server stores.
 *
 * <p>Every {@code --sample} seconds it prints one line: requests due, answered, failed, the interval's latency
 * percentiles and the server's RSS ({@code /proc/<pid>/status}); at the end the whole-run percentiles after warm-up
 * and, with {@code --gc-log}, the server's GC pauses and heap after GC per minute (from {@code -Xlog:gc}).
 *
 * <pre>
 * java -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.SoakLoad --url http://127.0.0.1:18080 \
 *   --key vgl_… --rate 1500 --duration 600 --warmup 60 --max-in-flight 256 --pid 1234 --gc-log gc.log
 * </pre>
 *
 * <p>Use {@code vigil-bench/soak/run.sh}, which starts the server with GC logging and calls this.
 */
public final class SoakLoad {
  private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;
  private static final Pattern GC_PAUSE = Pattern.compile(
      "\\[(\\d+\\.\\d+)s].*Pause (Young|Full|Remark|Cleanup)[^\\d]*.*?(\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms");

  private SoakLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    URI uri = URI.create(options.getOrDefault("url", "http://127.0.0.1:18080") + "/api/v1/assess");
    String key = required(options, "key");
    double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
    long durationSeconds = Long.parseLong(options.getOrDefault("duration", "600"));
    long warmupSeconds = Long.parseLong(options.getOrDefault("warmup", "60"));
    long sampleSeconds = Long.parseLong(options.getOrDefault("sample", "10"));
    int users = Integer.parseInt(options.getOrDefault("users", "2000"));
    String tenant = options.getOrDefault("tenant", "bench");
    String run = options.getOrDefault("run", Long.toString(System.currentTimeMillis() / 1000));
    long pid = Long.parseLong(options.getOrDefault("pid", "0"));
    int maxInFlight = Integer.parseInt(options.getOrDefault("max-in-flight", "256"));

    List<LoginEvent> month = Traffic.month(users, 7);
    Instant firstDay = Instant.parse("2026-10-01T00:00:00Z");
    // Laps must end before the server's clock (events too far in the future are refused): start far enough back.
    long laps = (long) Math.ceil(rate * durationSeconds / month.size()) + 1;
    Duration shift = Duration.between(firstDay, Instant.parse("2024-01-01T00:00:00Z"));
    System.out.printf("%,d simulated events of %,d users per lap, %d laps at most; %.0f req/s for %d s "
        + "(first %d s warm-up)%n", month.size(), users, laps, rate, durationSeconds, warmupSeconds);

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    Histogram total = new Histogram(HIGHEST_MICROS, 3);
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    long end = start + durationSeconds * 1_000_000_000L;
    long warmupEnd = start + warmupSeconds * 1_000_000_000L;
    long nextSample = start + sampleSeconds * 1_000_000_000L;
    long sent = 0;
    long sentAtSample = 0;
    long answeredAtSample = 0;
    List<String> series = new ArrayList<>();
    series.add("seconds,due,answered,failed,in_flight,p50_ms,p99_ms,p999_ms,max_ms,rss_mib");
    System.out.println("   s    due/s  answered/s  failed  in-flight   p50 ms   p99 ms p99.9 ms   max ms  RSS MiB");
    Histogram interval = null;
    long due = start;
    for (long i = 0; ; i++) {
      if (due >= end) {
        break;
      }
      long now;
      // A cold server (the JIT still compiling) cannot take the full rate at once: the rate ramps from a tenth to
      // all of it over the warm-up. Requests beyond maxInFlight wait here, still charged from their due time.
      while ((now = System.nanoTime()) < due || inFlight.get() >= maxInFlight) {
        if (now >= nextSample) {
          break;
        }
        LockSupport.parkNanos(Math.max(50_000, Math.min(due - now, 200_000)));
      }
      if (now >= nextSample) {
        interval = recorder.getIntervalHistogram(interval);
        if (nextSample > warmupEnd) {
          total.add(interval);
        }
        long seconds = (nextSample - start) / 1_000_000_000L;
        long answeredNow = answered.get();
        String line = String.format("%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%d", seconds, sent - sentAtSample,
            answeredNow - answeredAtSample, failed.get(), inFlight.get(), ms(interval, 50), ms(interval, 99),
            ms(interval, 99.9), interval.getMaxValue() / 1000.0, rssMib(pid));
        series.add(line);
        String[] f = line.split(",");
        System.out.printf("%4s %8.0f %11.0f %7s %10s %8s %8s %8s %8s %8s%n", f[0],
            Double.parseDouble(f[1]) / sampleSeconds, Double.parseDouble(f[2]) / sampleSeconds, f[3], f[4], f[5],
            f[6], f[7], f[8], f[9]);
        sentAtSample = sent;
        answeredAtSample = answeredNow;
        nextSample += sampleSeconds * 1_000_000_000L;
        i--;
        continue;
      }
      long sendAt = due;
      double ramp = due >= warmupEnd || warmupSeconds == 0 ? 1.0
          : 0.1 + 0.9 * (due - start) / (double) (warmupEnd - start);
      due += (long) (periodNanos / ramp);
      LoginEvent event = month.get((int) (i % month.size()));
      long lap = i / month.size();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
          .POST(HttpRequest.BodyPublishers.ofString(json(event, tenant, run, lap, shift))).build();
      sent++;
      inFlight.incrementAndGet();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        long latencyMicros = (System.nanoTime() - sendAt) / 1000;
        recorder.recordValue(Math.min(latencyMicros, HIGHEST_MICROS));
        inFlight.decrementAndGet();
        if (error == null && response.statusCode() == 200) {
          answered.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
      });
    }
    long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
      Thread.sleep(50);
    }
    total.add(recorder.getIntervalHistogram());
    double seconds = durationSeconds - warmupSeconds;
    System.out.printf("%nafter warm-up (%d s): %,d requests answered 200 in all, %,d failed or not 200%n",
        (long) seconds, answered.get(), failed.get());
    System.out.printf("latency from the intended send time (coordinated omission corrected), %,d samples:%n",
        total.getTotalCount());
    System.out.printf("  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  p99.99 %.2f ms  max %.2f ms%n",
        ms(total, 50), ms(total, 90), ms(total, 99), ms(total, 99.9), ms(total, 99.99), total.getMaxValue() / 1000.0);
    System.out.printf("  completions (200, error or timeout) %.0f/s of %.0f due/s%n", total.getTotalCount() / seconds,
        rate);
    String out = options.get("out");
    if (out != null) {
      Files.createDirectories(Path.of(out));
      Files.write(Path.of(out, "series.csv"), series);
      try (PrintStream hgrm = new PrintStream(Path.of(out, "latency.hgrm").toFile(), StandardCharsets.UTF_8)) {
        total.outputPercentileDistribution(hgrm, 1000.0);
      }
    }
    if (options.containsKey("gc-log")) {
      gcSummary(Path.of(options.get("gc-log")), warmupSeconds);
    }
  }

  private static String json(LoginEvent e, String tenant, String run, long lap, Duration shift) {
    Instant at = e.timestamp().plus(shift).plus(Duration.ofDays(30 * lap));
    return LoginEventWriter.toJson(new LoginEvent("s-" + run + "-" + lap + "-" + e.eventId(), tenant, e.userId(), at,
        e.outcome(), e.failureReason(), e.ip(), e.userAgent(), e.deviceId(), e.geo(), e.authMethod(), e.sessionId(),
        e.attributes(), e.truncatedFields()));
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The server's resident set, or 0 without {@code --pid}. */
  private static long rssMib(long pid) {
    if (pid <= 0) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** GC pauses and the heap left after collections, per minute, from a {@code -Xlog:gc:…:uptime} log. */
  private static void gcSummary(Path log, long warmupSeconds) throws IOException {
    Histogram pauses = new Histogram(HIGHEST_MICROS, 3);
    Map<Long, long[]> perMinute = new HashMap<>();
    double pausedMillis = 0;
    double lastUptime = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      double uptime = Double.parseDouble(m.group(1));
      double millis = Double.parseDouble(m.group(6));
      pauses.recordValue((long) (millis * 1000));
      pausedMillis += millis;
      lastUptime = uptime;
      long after = Long.parseLong(m.group(4));
      long[] minute = perMinute.computeIfAbsent((long) (uptime / 60), k -> new long[] {Long.MAX_VALUE, 0, 0});
      minute[0] = Math.min(minute[0], after);
      minute[1] = Math.max(minute[1], after);
      minute[2] = Long.parseLong(m.group(5));
    }
    System.out.printf("%nGC (whole server run, %s): %,d pauses, %.0f ms in all (%.2f%% of %.0f s); pause p50 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms%n", log.getFileName(), pauses.getTotalCount(), pausedMillis,
        100 * pausedMillis / Math.max(1, lastUptime * 1000), lastUptime, ms(pauses, 50), ms(pauses, 99),
        pauses.getMaxValue() / 1000.0);
    System.out.println("heap after GC per minute of server uptime (min–max MiB, committed MiB):");
    perMinute.keySet().stream().sorted().forEach(minute -> {
      long[] v = perMinute.get(minute);
      System.out.printf("  minute %3d: %4d–%4d MiB (of %d)%n", minute, v[0], v[1], v[2]);
    });
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
