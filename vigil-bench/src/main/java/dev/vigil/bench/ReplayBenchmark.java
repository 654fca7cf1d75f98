package dev.vigil.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.replay.ReplaySink;
import dev.vigil.core.replay.ReplaySource;
import dev.vigil.core.replay.ReplaySummary;
import dev.vigil.core.replay.Replayer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay against merely parsing: the same in-memory JSONL (the first 120,000 lines of a simulated month of 3,000 users)
 * read three ways — Jackson's streaming parser walking every token (the floor of any JSON reader), Jackson's
 * {@code ObjectMapper.readTree} per line (what "just parse it with Jackson" usually means), and Vigil's full
 * replay (parse, validate, enrich, assess, write the assessment JSON to a discarding sink).
 *
 * <p>Guards the target of DESIGN.md §6: replay at ≥ 50% of the speed of merely parsing the file with Jackson.
 * Scores are time per line.
 *
 * <p>Run: {@code java -jar vigil-bench/target/benchmarks.jar ReplayBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class ReplayBenchmark {
  static final int LINES = 120_000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] file;

  @Setup(Level.Trial)
  public void writeFile() {
    List<LoginEvent> events = Traffic.month(3_000, 7);
    if (events.size() < LINES) {
      throw new IllegalStateException("the simulation gave " + events.size() + " events, fewer than " + LINES);
    }
    StringBuilder text = new StringBuilder(LINES * 400);
    for (LoginEvent event : events.subList(0, Math.min(LINES, events.size()))) {
      text.append(LoginEventWriter.toJson(event)).append('\n');
    }
    file = text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long jacksonStreamingTokens() throws IOException {
    long tokens = 0;
    try (BufferedReader in = reader()) {
      String line;
      while ((line = in.readLine()) != null) {
        try (JsonParser parser = JSON.createParser(line)) {
          while (parser.nextToken() != null) {
            tokens++;
          }
        }
      }
    }
    return tokens;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void jacksonReadTree(Blackhole sink) throws IOException {
    try (BufferedReader in = reader()) {
      String line;
      while ((line = in.readLine()) != null) {
        sink.consume(MAPPER.readTree(line));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public ReplaySummary vigilReplay() throws IOException {
    Replayer replayer = Replayer.builder(VigilEngine.builder().build(), System::nanoTime).build();
    try (ReplaySource source = ReplaySource.of(new ByteArrayInputStream(file), file.length);
        ReplaySink sink = ReplaySink.of(OutputStream.nullOutputStream())) {
      return replayer.replay(source, sink);
    }
  }

  private BufferedReader reader() {
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }
}
