package dev.vigil.core.replay;

/**
 * Hears how far a replay has got, so that an edge (the CLI) can draw a bar. Called on the replaying thread
 * every few thousand lines and once at the end; keep it cheap.
 */
@FunctionalInterface
public interface ReplayProgress {
  /** Hears nothing. */
  ReplayProgress NONE = (lines, bytesRead, totalBytes) -> { };

  /**
   * @param lines lines read so far, blank and malformed ones included
   * @param bytesRead bytes consumed from the source as stored (compressed bytes for a gzip file)
   * @param totalBytes the source's size in the same unit, or {@code -1} when unknown (a pipe)
   */
  void update(long lines, long bytesRead, long totalBytes);
}
