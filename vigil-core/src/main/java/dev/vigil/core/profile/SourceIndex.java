package dev.vigil.core.profile;

import org.jspecify.annotations.Nullable;

/**
 * Activity per source key (an address, a network, an AS), bounded: when {@code maxSources} are tracked, adding
 * one evicts the stalest of a handful of tracked sources (approximate least-recently-used, as Redis does it), and
 * a source idle for longer than {@code idleSeconds} of event time starts afresh when next touched. An attacker
 * rotating through millions of addresses therefore costs a fixed amount of memory; what it loses (old, idle
 * sources) no window rule needs any more.
 *
 * <p><b>Layout.</b> An open-addressing table with linear probing over primitive {@code long} keys — no boxing,
 * no entry objects, no per-access relinking — because every login touches three of these indexes twice (measured
 * in docs/BENCHMARKS.md: the boxed, access-ordered {@code LinkedHashMap} this replaces was the engine's largest
 * cost). Keys are first mixed by a bijection, since network keys keep structure in their low bits. Deletion
 * shifts the following cluster back, so lookups never need tombstones.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class SourceIndex {
  /** Tracked sources examined to choose one to evict. */
  private static final int EVICTION_SAMPLE = 8;
  private static final int INITIAL_CAPACITY = 1024;

  private final int maxSources;
  private final int idleSeconds;
  private long[] keys;
  private @Nullable SourceActivity[] values;
  private int size;
  private int evictionCursor;

  public SourceIndex(int maxSources, int idleSeconds) {
    if (maxSources < 1) {
      throw new IllegalArgumentException("maxSources must be positive: " + maxSources);
    }
    this.maxSources = maxSources;
    this.idleSeconds = idleSeconds;
    int capacity = Math.min(INITIAL_CAPACITY, tableSizeFor(maxSources));
    this.keys = new long[capacity];
    this.values = new SourceActivity[capacity];
  }

  /** The activity of {@code key}, created when absent, cleared when idle for longer than the idle limit. */
  public SourceActivity activity(long key, int now) {
    long k = spread(key);
    int slot = find(k);
    if (slot >= 0) {
      SourceActivity activity = values[slot];
      if (now - activity.lastSecond() > idleSeconds) {
        activity.clear();
      }
      return activity;
    }
    if (size >= maxSources) {
      evictOne();
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    SourceActivity activity = new SourceActivity();
    insert(k, activity);
    return activity;
  }

  /** The activity of {@code key} if tracked, without creating or refreshing it. */
  public @Nullable SourceActivity peek(long key) {
    int slot = find(spread(key));
    return slot >= 0 ? values[slot] : null;
  }

  public int size() {
    return size;
  }

  private int find(long k) {
    int mask = keys.length - 1;
    for (int i = (int) k & mask; ; i = (i + 1) & mask) {
      if (values[i] == null) {
        return -1;
      }
      if (keys[i] == k) {
        return i;
      }
    }
  }

  private void insert(long k, SourceActivity activity) {
    int mask = keys.length - 1;
    int i = (int) k & mask;
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = k;
    values[i] = activity;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    SourceActivity[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new SourceActivity[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** Evicts the stalest of the next few tracked sources, walking the table round-robin. */
  private void evictOne() {
    int mask = keys.length - 1;
    int victim = -1;
    int seen = 0;
    for (int step = 0; step < keys.length && seen < EVICTION_SAMPLE; step++) {
      int i = (evictionCursor + step) & mask;
      if (values[i] != null) {
        seen++;
        if (victim < 0 || values[i].lastSecond() < values[victim].lastSecond()) {
          victim = i;
        }
      }
    }
    evictionCursor = (victim + 1) & mask;
    remove(victim);
  }

  /** Removes a slot and shifts the rest of its cluster back, so that every key stays reachable from its home. */
  private void remove(int slot) {
    int mask = keys.length - 1;
    values[slot] = null;
    size--;
    int hole = slot;
    for (int i = (slot + 1) & mask; values[i] != null; i = (i + 1) & mask) {
      int home = (int) keys[i] & mask;
      // Move the entry into the hole unless its home lies cyclically in (hole, i].
      boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!homeBetween) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        values[i] = null;
        hole = i;
      }
    }
  }

  private static int tableSizeFor(int entries) {
    int capacity = Integer.highestOneBit(Math.max(1, entries - 1)) << 2;
    return Math.max(16, capacity);
  }

  /**
   * A bijective mix of the key (SplitMix64's finaliser). Network keys keep their structure in the low bits —
   * /24s of one provider share their second octet — and the table indexes by the low bits: measured, one
   * simulated provider's networks piled into a few buckets. Mixed keys spread evenly; being a bijection, the mix
   * adds no collisions.
   */
  static long spread(long key) {
    long z = key + 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
