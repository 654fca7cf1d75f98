package dev.vigil.bench;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.LoginEvent;
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
 * Engine throughput on one core: a fresh engine assesses the first 250,000 logins of a simulated month of 5,000
 * users (every detector and the statistical model on, default settings; events carry geo as identity providers
 * send it, so enrichment is the network classifier and the cached user-agent parser).
 *
 * <p>Guards the target of DESIGN.md §6: ≥ 1,000,000 assessments per second per core. The score is the time per
 * assessment; its inverse is the throughput.
 *
 * <p>Run: {@code java -jar vigil-bench/target/benchmarks.jar AssessBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class AssessBenchmark {
  static final int EVENTS = 250_000;

  private LoginEvent[] events;
  private VigilEngine engine;

  @Setup(Level.Trial)
  public void simulate() {
    List<LoginEvent> month = Traffic.month(5_000, 42);
    if (month.size() < EVENTS) {
      throw new IllegalStateException("the simulation gave " + month.size() + " events, fewer than " + EVENTS);
    }
    events = month.subList(0, EVENTS).toArray(LoginEvent[]::new);
  }

  @Setup(Level.Iteration)
  public void freshEngine() {
    engine = VigilEngine.builder().build();
  }

  /** Assesses the whole month; JMH divides the time by the number of events. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void assessMonth(Blackhole sink) {
    for (LoginEvent event : events) {
      sink.consume(engine.assess(event));
    }
  }
}
