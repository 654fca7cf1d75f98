package dev.vigil.core.replay;

import static dev.vigil.core.replay.Events.badIp;
import static dev.vigil.core.replay.Events.badJson;
import static dev.vigil.core.replay.Events.fromTheFuture;
import static dev.vigil.core.replay.Events.gzip;
import static dev.vigil.core.replay.Events.jsonl;
import static dev.vigil.core.replay.Events.login;
import static dev.vigil.core.replay.Events.missingUserId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReplayerTest {
  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void assessesGoodLinesAndReportsMalformedOnesWithTheirLineNumbers() throws IOException {
    Path events = write("events.jsonl", jsonl(
        login("e-1"),
        badJson(),
        "",
        missingUserId(),
        badIp(),
        fromTheFuture("e-6"),
        login("e-7")));

    ReplaySummary summary = replay(events, dir.resolve("out.jsonl"));

    assertThat(summary.assessed()).isEqualTo(3);
    assertThat(summary.malformed()).isEqualTo(3);
    assertThat(summary.problems()).extracting(ReplayProblem::lineNumber, ReplayProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "$"),
            org.assertj.core.groups.Tuple.tuple(4L, "userId"),
            org.assertj.core.groups.Tuple.tuple(5L, "ip"));
    assertThat(summary.problems().get(2).message()).startsWith("ip: ").contains("999.1.1.1");
  }

  @Test
  void writesOneAssessmentPerGoodEventInInputOrder() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), badIp(), login("e-3"), "", login("e-5")));
    Path out = dir.resolve("out.jsonl");

    replay(events, out);

    assertThat(Files.readAllLines(out)).map(AssessmentJson::read).extracting(Assessment::eventId)
        .containsExactly("e-1", "e-3", "e-5");
  }

  @Test
  void summaryCountsAddUp() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), badJson(), login("e-3"), "  ", login("e-5")));

    ReplaySummary summary = replay(events, dir.resolve("out.jsonl"));

    assertThat(summary.eventsRead()).isEqualTo(4);
    assertThat(summary.assessed() + summary.malformed()).isEqualTo(summary.eventsRead());
    assertThat(summary.decisions().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(summary.assessed());
    assertThat(summary.flagged()).isEqualTo(summary.assessed() - summary.decisions().get(
        dev.vigil.core.policy.Decision.ALLOW));
  }

  @Test
  void readsGzipInputRecognisedByMagicBytesWhateverItsName() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.write(events, gzip(jsonl(login("e-1"), login("e-2"))));

    ReplaySummary summary = replay(events, dir.resolve("out.jsonl"));

    assertThat(summary.assessed()).isEqualTo(2);
    assertThat(summary.malformed()).isZero();
  }

  @Test
  void writesGzipOutputWhenTheFileNameEndsInGz() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), login("e-2")));
    Path out = dir.resolve("assessments.jsonl.gz");

    replay(events, out);

    try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text.lines()).map(AssessmentJson::read).extracting(Assessment::eventId)
          .containsExactly("e-1", "e-2");
    }
  }

  @Test
  void strictReplayStopsAtTheFirstMalformedLineAndNamesIt() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), "", missingUserId(), badIp()));
    Replayer strict = Replayer.builder(engine(), nanos::get).strict(true).build();

    try (ReplaySource source = ReplaySource.open(events);
        ReplaySink sink = ReplaySink.create(dir.resolve("out.jsonl"))) {
      assertThatThrownBy(() -> strict.replay(source, sink))
          .isInstanceOf(MalformedLineException.class)
          .hasMessage("line 3 is malformed: userId: is required and must not be blank")
          .extracting(e -> ((MalformedLineException) e).problem().field())
          .isEqualTo("userId");
    }
  }

  @Test
  void composesWithStandardInputAndOutputStreams() throws IOException {
    byte[] input = jsonl(login("e-1"), badJson(), login("e-3")).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    ReplaySummary summary;
    try (ReplaySource source = ReplaySource.of(new ByteArrayInputStream(input), -1);
        ReplaySink sink = ReplaySink.of(output)) {
      summary = replayer().replay(source, sink);
    }

    assertThat(summary.assessed()).isEqualTo(2);
    assertThat(output.toString(StandardCharsets.UTF_8).lines()).map(AssessmentJson::read)
        .extracting(Assessment::eventId).containsExactly("e-1", "e-3");
  }

  @Test
  void readsGzipFromAPipeToo() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    try (ReplaySource source = ReplaySource.of(new ByteArrayInputStream(gzip(jsonl(login("e-1")))), -1);
        ReplaySink sink = ReplaySink.of(output)) {
      assertThat(replayer().replay(source, sink).assessed()).isEqualTo(1);
    }
  }

  @Test
  void keepsTheFirstProblemsInDetailButCountsThemAll() throws IOException {
    Path events = write("events.jsonl", jsonl(badJson(), badIp(), badJson(), missingUserId(), login("e-5")));
    Replayer replayer = Replayer.builder(engine(), nanos::get).maxProblems(2).build();

    ReplaySummary summary = replay(replayer, events, dir.resolve("out.jsonl"));

    assertThat(summary.malformed()).isEqualTo(4);
    assertThat(summary.problems()).extracting(ReplayProblem::lineNumber).containsExactly(1L, 2L);
  }

  @Test
  void skipsBlankLinesCarriageReturnsAndALeadingByteOrderMark() throws IOException {
    Path events = write("events.jsonl", "\uFEFF" + login("e-1") + "\r\n\r\n \t\n" + login("e-2") + "\r\n");

    ReplaySummary summary = replay(events, dir.resolve("out.jsonl"));

    assertThat(summary.assessed()).isEqualTo(2);
    assertThat(summary.malformed()).isZero();
  }

  @Test
  void assessesALastLineWithoutNewline() throws IOException {
    Path events = write("events.jsonl", login("e-1") + "\n" + login("e-2"));

    assertThat(replay(events, dir.resolve("out.jsonl")).assessed()).isEqualTo(2);
  }

  @Test
  void reportsProgressInLinesAndStoredBytes() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), login("e-2"), login("e-3"), login("e-4"),
        login("e-5")));
    List<long[]> updates = new ArrayList<>();
    Replayer replayer = Replayer.builder(engine(), nanos::get)
        .progress((lines, bytesRead, totalBytes) -> updates.add(new long[] {lines, bytesRead, totalBytes}), 2)
        .build();

    replay(replayer, events, dir.resolve("out.jsonl"));

    long size = Files.size(events);
    assertThat(updates).extracting(u -> u[0]).containsExactly(2L, 4L, 5L);
    assertThat(updates).allSatisfy(u -> assertThat(u[2]).isEqualTo(size));
    assertThat(updates.getLast()[1]).isEqualTo(size);
  }

  @Test
  void measuresElapsedTimeAndThroughputWithTheCallersTicker() throws IOException {
    Path events = write("events.jsonl", jsonl(login("e-1"), login("e-2"), login("e-3"), login("e-4")));
    Replayer replayer = Replayer.builder(engine(), () -> nanos.getAndAdd(1_000_000_000L)).build();

    ReplaySummary summary = replay(replayer, events, dir.resolve("out.jsonl"));

    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(summary.eventsPerSecond()).isEqualTo(4.0);
  }

  @Test
  void leavesStreamsItDidNotOpenOpen() throws IOException {
    TrackingOutputStream output = new TrackingOutputStream();

    try (ReplaySource source = ReplaySource.of(new ByteArrayInputStream(jsonl(login("e-1")).getBytes(
        StandardCharsets.UTF_8)), -1); ReplaySink sink = ReplaySink.of(output)) {
      replayer().replay(source, sink);
    }

    assertThat(output.closed).isFalse();
    assertThat(output.size()).isPositive();
  }

  private ReplaySummary replay(Path events, Path out) throws IOException {
    return replay(replayer(), events, out);
  }

  private static ReplaySummary replay(Replayer replayer, Path events, Path out) throws IOException {
    try (ReplaySource source = ReplaySource.open(events); ReplaySink sink = ReplaySink.create(out)) {
      return replayer.replay(source, sink);
    }
  }

  private Replayer replayer() {
    return Replayer.builder(engine(), nanos::get).build();
  }

  private static VigilEngine engine() {
    return VigilEngine.builder().build();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static final class TrackingOutputStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
