package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void plainLinesAppearAtEachFurtherTenPercent() {
    ProgressLines lines = new ProgressLines(err, nanos::get);

    nanos.set(SECOND);
    lines.update(1_000, 50, 1_000);
    lines.update(2_000, 80, 1_000);
    lines.update(3_000, 120, 1_000);
    lines.update(4_000, 150, 1_000);
    lines.update(7_000, 350, 1_000);

    assertThat(printed().lines()).containsExactly(
        "replay: 3,000 events (12%), 3,000 events/s",
        "replay: 7,000 events (35%), 7,000 events/s");
  }

  @Test
  void plainLinesAppearEveryFiveSecondsWhenTheSizeIsUnknown() {
    ProgressLines lines = new ProgressLines(err, nanos::get);

    nanos.set(4 * SECOND);
    lines.update(40_000, 1, -1);
    nanos.set(5 * SECOND);
    lines.update(50_000, 1, -1);

    assertThat(printed().lines()).containsExactly("replay: 50,000 events, 10,000 events/s");
  }

  @Test
  void theBarShowsShareCountAndRate() {
    assertThat(ProgressBar.render(120_000, 40, 100, 2 * SECOND))
        .isEqualTo("replay [############------------------]  40%  120,000 events  60,000 events/s");
    assertThat(ProgressBar.render(5, 1, -1, SECOND)).isEqualTo("replay 5 events  5 events/s");
  }

  @Test
  void theBarRedrawsInPlaceAndEndsWithANewline() {
    ProgressBar bar = new ProgressBar(err, nanos::get);

    nanos.set(SECOND);
    bar.update(10, 10, 100);
    nanos.set(SECOND + 1);
    bar.update(11, 11, 100);
    nanos.set(2 * SECOND);
    bar.update(100, 100, 100);
    bar.finish();

    assertThat(printed()).startsWith("\rreplay [###").contains("\rreplay [" + "#".repeat(30) + "] 100%")
        .doesNotContain("11 events").endsWith(System.lineSeparator());
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
