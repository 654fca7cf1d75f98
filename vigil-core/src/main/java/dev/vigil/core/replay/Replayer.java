package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.InvalidEventException;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.siem.AssessmentFormatter;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Streams JSONL login events through a {@link VigilEngine} and writes one JSONL assessment per valid event, in
 * input order, in constant memory: lines are read as bytes into one reused buffer and parsed straight from it.
 *
 * <p>A line that breaks the event contract is skipped and reported with its line number and the offending field;
 * the summary keeps the first {@code maxProblems} of them and counts all. In strict mode the first one stops
 * the replay with a {@link MalformedLineException} instead. Blank lines are skipped silently and a UTF-8 byte
 * order mark on the first line is ignored.
 *
 * <p>Time: the engine runs on event time; the only clock here measures how long the replay took, and it is the
 * caller's {@code nanoTime} ticker, since the core owns no wall clock.
 *
 * <p>A replayer drives its engine from the calling thread, and the engine is not thread-safe: run one replay at a
 * time per engine.
 */
public final class Replayer {
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final VigilEngine engine;
  private final LoginEventReader reader;
  private final LongSupplier nanoTime;
  private final boolean strict;
  private final int maxProblems;
  private final ReplayProgress progress;
  private final int progressEveryLines;
  private final @Nullable AssessmentFormatter output;

  private Replayer(Builder builder) {
    this.engine = builder.engine;
    this.reader = builder.reader;
    this.nanoTime = builder.nanoTime;
    this.strict = builder.strict;
    this.maxProblems = builder.maxProblems;
    this.progress = builder.progress;
    this.progressEveryLines = builder.progressEveryLines;
    this.output = builder.output;
  }

  /**
   * @param engine the engine to drive (from this thread only)
   * @param nanoTime a monotonic ticker in nanoseconds, e.g. {@code System::nanoTime}, for the elapsed time
   */
  public static Builder builder(VigilEngine engine, LongSupplier nanoTime) {
    return new Builder(engine, nanoTime);
  }

  /**
   * Replays every event of {@code source} into {@code sink}; neither is closed, both are the caller's.
   *
   * @throws MalformedLineException in strict mode, at the first malformed line (the sink then holds the
   *     assessments of the lines before it)
   * @throws IOException when reading the source or writing the sink fails, including a corrupt gzip stream
   */
  public ReplaySummary replay(ReplaySource source, ReplaySink sink) throws IOException {
    requireNonNull(source, "source");
    requireNonNull(sink, "sink");
    long started = nanoTime.getAsLong();
    Tally tally = new Tally(maxProblems);
    LineReader lines = new LineReader(source.events());
    try (JsonGenerator json = JSON.createGenerator(sink.stream())) {
      json.setRootValueSeparator(null);
      while (lines.next()) {
        replayLine(lines, json, tally);
        if (lines.lineNumber() % progressEveryLines == 0) {
          progress.update(lines.lineNumber(), source.bytesRead(), source.totalBytes());
        }
      }
      json.flush();
    }
    sink.stream().flush();
    progress.update(lines.lineNumber(), source.bytesRead(), source.totalBytes());
    Duration elapsed = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - started));
    return tally.summary(elapsed);
  }

  private void replayLine(LineReader lines, JsonGenerator json, Tally tally) throws IOException {
    byte[] bytes = lines.bytes();
    int offset = lines.offset();
    int length = lines.length();
    if (lines.lineNumber() == 1 && startsWithBom(bytes, offset, length)) {
      offset += UTF8_BOM.length;
      length -= UTF8_BOM.length;
    }
    if (lines.overlong()) {
      malformed(tally, new ReplayProblem(lines.lineNumber(), "$",
          "$: line is longer than " + lines.maxLineBytes() + " bytes"), null);
      return;
    }
    if (isBlank(bytes, offset, length)) {
      return;
    }
    LoginEvent event;
    try {
      event = reader.read(bytes, offset, length);
    } catch (InvalidEventException e) {
      malformed(tally, new ReplayProblem(lines.lineNumber(), e.field(), e.getMessage()), e);
      return;
    }
    Assessment assessment = engine.assess(event);
    if (output == null) {
      AssessmentJson.write(assessment, json);
    } else {
      json.writeRaw(output.format(assessment, event));
    }
    json.writeRaw('\n');
    tally.assessed(assessment, event);
  }

  private void malformed(Tally tally, ReplayProblem problem, @Nullable InvalidEventException cause) {
    if (strict) {
      throw new MalformedLineException(problem, cause);
    }
    tally.malformed(problem);
  }

  private static boolean startsWithBom(byte[] bytes, int offset, int length) {
    return length >= 3 && bytes[offset] == UTF8_BOM[0] && bytes[offset + 1] == UTF8_BOM[1]
        && bytes[offset + 2] == UTF8_BOM[2];
  }

  private static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The running counts of one replay. */
  private static final class Tally {
    private final int maxProblems;
    private final long[] decisions = new long[Decision.values().length];
    private final long[] signals = new long[SignalType.values().length];
    private final List<ReplayProblem> problems = new ArrayList<>();
    private final RiskTally risk = new RiskTally();
    private long assessed;
    private long malformed;

    Tally(int maxProblems) {
      this.maxProblems = maxProblems;
    }

    void assessed(Assessment assessment, LoginEvent event) {
      assessed++;
      decisions[assessment.decision().ordinal()]++;
      for (Signal signal : assessment.signals()) {
        signals[signal.type().ordinal()]++;
      }
      risk.add(assessment, event.ip());
    }

    void malformed(ReplayProblem problem) {
      malformed++;
      if (problems.size() < maxProblems) {
        problems.add(problem);
      }
    }

    ReplaySummary summary(Duration elapsed) {
      Map<Decision, Long> byDecision = new EnumMap<>(Decision.class);
      for (Decision decision : Decision.values()) {
        byDecision.put(decision, decisions[decision.ordinal()]);
      }
      Map<SignalType, Long> bySignal = new EnumMap<>(SignalType.class);
      for (SignalType type : SignalType.values()) {
        if (signals[type.ordinal()] > 0) {
          bySignal.put(type, signals[type.ordinal()]);
        }
      }
      return new ReplaySummary(assessed + malformed, assessed, malformed, byDecision, bySignal, risk.topUsers(),
          risk.topNetworks(), problems, elapsed);
    }
  }

  /** Configures a {@link Replayer}; only the engine and the ticker are required. */
  public static final class Builder {
    private final VigilEngine engine;
    private final LongSupplier nanoTime;
    private LoginEventReader reader = LoginEventReader.lenientAboutTime();
    private boolean strict;
    private int maxProblems = 20;
    private ReplayProgress progress = ReplayProgress.NONE;
    private int progressEveryLines = 10_000;
    private @Nullable AssessmentFormatter output;

    private Builder(VigilEngine engine, LongSupplier nanoTime) {
      this.engine = requireNonNull(engine, "engine");
      this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * How lines become events. Defaults to {@link LoginEventReader#lenientAboutTime()}: a replay reads history,
     * and a simulated or shifted history may lie ahead of today.
     */
    public Builder reader(LoginEventReader reader) {
      this.reader = requireNonNull(reader, "reader");
      return this;
    }

    /** Whether the first malformed line stops the replay ({@link MalformedLineException}); default false. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** How many malformed lines the summary keeps in detail (all are counted); default 20. */
    public Builder maxProblems(int maxProblems) {
      if (maxProblems < 0) {
        throw new IllegalArgumentException("maxProblems must not be negative: " + maxProblems);
      }
      this.maxProblems = maxProblems;
      return this;
    }

    /** Who hears about progress, every {@code everyLines} lines and once at the end; default nobody. */
    public Builder progress(ReplayProgress progress, int everyLines) {
      if (everyLines < 1) {
        throw new IllegalArgumentException("everyLines must be positive: " + everyLines);
      }
      this.progress = requireNonNull(progress, "progress");
      this.progressEveryLines = everyLines;
      return this;
    }

    /**
     * How each assessment is written; default Vigil's assessment JSON. A SIEM format
     * ({@link dev.vigil.core.siem.OutputFormat}) writes one line per assessment instead.
     */
    public Builder output(AssessmentFormatter formatter) {
      this.output = requireNonNull(formatter, "formatter");
      return this;
    }

    public Replayer build() {
      return new Replayer(this);
    }
  }
}
