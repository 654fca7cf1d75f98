package dev.vigil.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Activity per source key, bounded: the least recently used source is evicted when {@code maxSources} is
 * reached, and a source idle for longer than {@code idleSeconds} of event time is dropped when next touched.
 * An attacker rotating through millions of addresses therefore costs a fixed amount of memory; what it loses
 * (old, idle sources) no window rule needs any more.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class SourceIndex {
  private final int idleSeconds;
  private final LinkedHashMap<Long, SourceActivity> sources;

  public SourceIndex(int maxSources, int idleSeconds) {
    if (maxSources < 1) {
      throw new IllegalArgumentException("maxSources must be positive: " + maxSources);
    }
    this.idleSeconds = idleSeconds;
    this.sources = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, SourceActivity> eldest) {
        return size() > maxSources;
      }
    };
  }

  /** The activity of {@code key}, created when absent or stale at {@code now}. */
  public SourceActivity activity(long key, int now) {
    key = spread(key);
    SourceActivity activity = sources.get(key);
    if (activity == null || now - activity.lastSecond() > idleSeconds) {
      activity = new SourceActivity();
      sources.put(key, activity);
    }
    return activity;
  }

  /** The activity of {@code key} if tracked, without creating or refreshing it. */
  public @Nullable SourceActivity peek(long key) {
    return sources.get(spread(key));
  }

  /**
   * A bijective mix of the key (SplitMix64's finaliser). Network keys keep their structure in the low bits —
   * /24s of one provider share their second octet — which {@link Long#hashCode()} and HashMap's spreading pass
   * through to the bucket index: measured, one simulated provider's networks piled into a few buckets and turned
   * lookups into tree searches. Mixed keys spread evenly; being a bijection, the mix adds no collisions.
   */
  private static long spread(long key) {
    long z = key + 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  public int size() {
    return sources.size();
  }
}
