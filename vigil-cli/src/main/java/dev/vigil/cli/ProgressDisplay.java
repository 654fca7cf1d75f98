package dev.vigil.cli;

import dev.vigil.core.replay.ReplayProgress;

/** Shows a replay's progress on stderr, and tidies up after the last update. */
sealed interface ProgressDisplay extends ReplayProgress permits ProgressBar, ProgressLines, ProgressDisplay.Silent {
  /** Shows nothing ({@code --quiet}). */
  ProgressDisplay SILENT = new Silent();

  /** Called once the replay has ended, successfully or not. */
  void finish();

  /** Events per second, or 0 before any time has passed. */
  static long rate(long events, long elapsedNanos) {
    return elapsedNanos <= 0 ? 0 : Math.round(events * 1e9 / elapsedNanos);
  }

  /** Percentage of the input consumed, or -1 when its size is unknown. */
  static int percent(long bytesRead, long totalBytes) {
    if (totalBytes <= 0) {
      return -1;
    }
    return (int) Math.min(100, bytesRead * 100 / totalBytes);
  }

  /** The quiet display. */
  record Silent() implements ProgressDisplay {
    @Override
    public void update(long lines, long bytesRead, long totalBytes) {}

    @Override
    public void finish() {}
  }
}
