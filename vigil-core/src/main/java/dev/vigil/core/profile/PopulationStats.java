package dev.vigil.core.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How common each feature value is across a tenant's successful logins: the P(feature) of the statistical
 * risk score (Freeman et al., NDSS 2016), against which a user's own P(feature | user) is compared.
 *
 * <p>Counts live in a count-min sketch (4 rows × 4,096 counters per feature family), so memory is fixed at
 * about 64 KiB per tenant whatever the number of distinct networks; estimates can only err upwards, and only
 * for rare values, which is the safe direction for this use (it makes an unfamiliar rare value look a little
 * more common, never rarer). Local hours are counted exactly.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class PopulationStats {
  private static final int DEPTH = 4;
  private static final int WIDTH = 4096;
  private static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F};

  private final int[] counts = new int[DEPTH * WIDTH];
  private final long[] totals = new long[Feature.values().length];
  private final long[] hours = new long[24];
  private long logins;

  /** Counts one successful login's values. */
  public void add(LoginFeatures login) {
    for (Feature feature : Feature.ALL) {
      int key = login.key(feature);
      if (key == 0) {
        continue;
      }
      totals[feature.ordinal()]++;
      int h = key * 31 + feature.ordinal();
      for (int row = 0; row < DEPTH; row++) {
        int slot = row * WIDTH + index(h, row);
        if (counts[slot] < Integer.MAX_VALUE) {
          counts[slot]++;
        }
      }
    }
    hours[login.localHour()]++;
    logins++;
  }

  /** Estimated count of successful logins with this value. */
  public long count(Feature feature, int key) {
    int h = key * 31 + feature.ordinal();
    int min = Integer.MAX_VALUE;
    for (int row = 0; row < DEPTH; row++) {
      min = Math.min(min, counts[row * WIDTH + index(h, row)]);
    }
    return min;
  }

  /** Successful logins that carried {@code feature} at all. */
  public long total(Feature feature) {
    return totals[feature.ordinal()];
  }

  public long hourCount(int hour) {
    return hours[hour];
  }

  /** Successful logins counted. */
  public long logins() {
    return logins;
  }

  private static int index(int hash, int row) {
    int h = hash * SEEDS[row];
    h ^= h >>> 15;
    h *= 0x2C1B3C6D;
    h ^= h >>> 12;
    return h & (WIDTH - 1);
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeLong(logins);
    for (long total : totals) {
      out.writeLong(total);
    }
    for (long hour : hours) {
      out.writeLong(hour);
    }
    for (int count : counts) {
      out.writeInt(count);
    }
  }

  void readFrom(DataInput in) throws IOException {
    logins = in.readLong();
    for (int i = 0; i < totals.length; i++) {
      totals[i] = in.readLong();
    }
    for (int i = 0; i < hours.length; i++) {
      hours[i] = in.readLong();
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = in.readInt();
    }
  }
}
