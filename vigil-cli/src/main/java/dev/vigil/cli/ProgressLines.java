package dev.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for logs and CI, where a redrawn bar would be garbage: one plain line every 5 seconds or every
 * further 10% of the input, e.g. {@code replay: 120,000 events (40%), 85,000 events/s}.
 */
final class ProgressLines implements ProgressDisplay {
  private static final long PERIOD_NANOS = 5_000_000_000L;

  private final PrintStream err;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastPrinted;
  private int nextPercent = 10;

  ProgressLines(PrintStream err, LongSupplier nanoTime) {
    this.err = requireNonNull(err, "err");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.started = nanoTime.getAsLong();
    this.lastPrinted = started;
  }

  @Override
  public void update(long lines, long bytesRead, long totalBytes) {
    long now = nanoTime.getAsLong();
    int percent = ProgressDisplay.percent(bytesRead, totalBytes);
    boolean crossedStep = percent >= nextPercent;
    if (!crossedStep && now - lastPrinted < PERIOD_NANOS) {
      return;
    }
    if (percent >= 0) {
      nextPercent = (percent / 10 + 1) * 10;
    }
    lastPrinted = now;
    long rate = ProgressDisplay.rate(lines, now - started);
    err.println(percent < 0
        ? String.format(Locale.ROOT, "replay: %,d events, %,d events/s", lines, rate)
        : String.format(Locale.ROOT, "replay: %,d events (%d%%), %,d events/s", lines, percent, rate));
    err.flush();
  }

  @Override
  public void finish() {}
}
