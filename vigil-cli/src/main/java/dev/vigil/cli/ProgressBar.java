package dev.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A bar redrawn in place on a terminal ({@code \r}), at most ten times a second so that drawing never costs
 * more than replaying: {@code replay [#########-----------]  45%  120,000 events  85,000 events/s}.
 */
final class ProgressBar implements ProgressDisplay {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream err;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastDrawn = Long.MIN_VALUE;
  private String lastLine = "";

  ProgressBar(PrintStream err, LongSupplier nanoTime) {
    this.err = requireNonNull(err, "err");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.started = nanoTime.getAsLong();
  }

  @Override
  public void update(long lines, long bytesRead, long totalBytes) {
    long now = nanoTime.getAsLong();
    boolean done = totalBytes > 0 && bytesRead >= totalBytes;
    if (!done && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    String line = render(lines, bytesRead, totalBytes, now - started);
    // Pad over the previous line: a shorter line would leave its tail on screen.
    err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
    err.flush();
    lastLine = line;
  }

  @Override
  public void finish() {
    if (!lastLine.isEmpty()) {
      err.println();
      err.flush();
    }
  }

  static String render(long lines, long bytesRead, long totalBytes, long elapsedNanos) {
    int percent = ProgressDisplay.percent(bytesRead, totalBytes);
    String counts = String.format(Locale.ROOT, "%,d events  %,d events/s", lines,
        ProgressDisplay.rate(lines, elapsedNanos));
    if (percent < 0) {
      return "replay " + counts;
    }
    int filled = percent * WIDTH / 100;
    return String.format(Locale.ROOT, "replay [%s%s] %3d%%  %s", "#".repeat(filled), "-".repeat(WIDTH - filled),
        percent, counts);
  }
}
