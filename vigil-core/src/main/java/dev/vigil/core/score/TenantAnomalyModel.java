package dev.vigil.core.score;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A tenant's Isolation Forest, trained online on its recent legitimate-looking logins (allowed successes):
 * a ring of the last {@code capacity} feature vectors, and a forest regrown from it every {@code rebuildEvery}
 * new vectors. Regrowing is synchronous but amortised (64 trees over 256 points every 2,048 logins costs about a
 * millisecond, a few hundred nanoseconds per login) and seeded by the tenant's sample count, so replays stay
 * deterministic. No forest scores until {@code minSamples} vectors have been seen.
 *
 * <p>Not thread-safe; owned by the engine's thread.
 */
public final class TenantAnomalyModel {
  static final int TREES = 64;
  static final int SUBSAMPLE = 256;

  private final int capacity;
  private final int rebuildEvery;
  private final int minSamples;
  private final double[][] ring;
  private long seen;
  private IsolationForest forest;

  public TenantAnomalyModel(int capacity, int rebuildEvery, int minSamples) {
    if (capacity < 2 || rebuildEvery < 1 || minSamples < 2 || minSamples > capacity) {
      throw new IllegalArgumentException("anomaly model needs capacity >= minSamples >= 2 and rebuildEvery >= 1");
    }
    this.capacity = capacity;
    this.rebuildEvery = rebuildEvery;
    this.minSamples = minSamples;
    this.ring = new double[capacity][];
  }

  public static TenantAnomalyModel defaults() {
    return new TenantAnomalyModel(4096, 2048, 512);
  }

  /** The forest's anomaly score of {@code vector} (about 0.5 ordinary, near 1 anomalous), NaN while untrained. */
  public double score(double[] vector) {
    return forest == null ? Double.NaN : forest.score(vector);
  }

  /** Remembers a legitimate-looking login's vector; regrows the forest when due. */
  public void learn(double[] vector) {
    ring[(int) (seen % capacity)] = vector.clone();
    seen++;
    if (seen >= minSamples && (forest == null || seen % rebuildEvery == 0)) {
      int size = (int) Math.min(seen, capacity);
      double[][] samples = new double[size][];
      System.arraycopy(ring, 0, samples, 0, size);
      forest = IsolationForest.grow(samples, TREES, SUBSAMPLE, 0x5EED_0000L ^ seen);
    }
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeLong(seen);
    int size = (int) Math.min(seen, capacity);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(ring[i].length);
      for (double v : ring[i]) {
        out.writeDouble(v);
      }
    }
    out.writeBoolean(forest != null);
    if (forest != null) {
      forest.writeTo(out);
    }
  }

  void readFrom(DataInput in) throws IOException {
    seen = in.readLong();
    int size = in.readInt();
    if (size < 0 || size > capacity) {
      throw new IOException("corrupt snapshot: anomaly sample count out of range: " + size);
    }
    for (int i = 0; i < size; i++) {
      int length = in.readInt();
      if (length < 1 || length > 1024) {
        throw new IOException("corrupt snapshot: anomaly vector length out of range: " + length);
      }
      ring[i] = new double[length];
      for (int j = 0; j < length; j++) {
        ring[i][j] = in.readDouble();
      }
    }
    forest = in.readBoolean() ? IsolationForest.readFrom(in) : null;
  }

  /** Writes models keyed by tenant (sorted). */
  public static void writeAll(java.util.Map<String, TenantAnomalyModel> models, DataOutput out) throws IOException {
    java.util.TreeMap<String, TenantAnomalyModel> sorted = new java.util.TreeMap<>(models);
    out.writeInt(sorted.size());
    for (var entry : sorted.entrySet()) {
      out.writeUTF(entry.getKey());
      entry.getValue().writeTo(out);
    }
  }

  /** Reads models written by {@link #writeAll} into {@code models}. */
  public static void readAll(DataInput in, java.util.Map<String, TenantAnomalyModel> models) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("corrupt snapshot: negative model count");
    }
    for (int i = 0; i < count; i++) {
      String tenant = in.readUTF();
      TenantAnomalyModel model = defaults();
      model.readFrom(in);
      models.put(tenant, model);
    }
  }
}
