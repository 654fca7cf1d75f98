package dev.vigil.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects drafts from every generator and hands them back in timestamp order. Drafts outside the simulated
 * window (a retry after midnight on the last day, a follow-up after the end) are dropped, so generators need
 * not clip.
 */
final class Timeline {
  private final long startSecond;
  private final long endSecond;
  private final ArrayList<Draft> drafts;

  Timeline(long startSecond, long endSecond, int expected) {
    this.startSecond = startSecond;
    this.endSecond = endSecond;
    this.drafts = new ArrayList<>(expected);
  }

  long startSecond() {
    return startSecond;
  }

  long endSecond() {
    return endSecond;
  }

  boolean contains(long atSecond) {
    return atSecond >= startSecond && atSecond < endSecond;
  }

  /** Adds the draft when it falls inside the window; returns whether it did. */
  boolean add(Draft draft) {
    if (!contains(draft.atSecond())) {
      return false;
    }
    drafts.add(draft);
    return true;
  }

  /**
   * The drafts by time. The sort is stable, so ties keep generation order and the result depends on the seed
   * alone.
   */
  List<Draft> sorted() {
    drafts.sort(Comparator.comparingLong(Draft::atSecond));
    return drafts;
  }
}
