package dev.vigil.server.engine;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of every (tenant, eventId) ever stored, so that a new event skips the database look-up that
 * idempotency otherwise costs every request (measured: that one {@code SELECT} halved {@code /api/v1/assess}
 * throughput, docs/BENCHMARKS.md). "Absent" is certain; "maybe present" is checked in the database. Keys are added
 * when the engine assesses an event (before it is stored), so a key is never missing for a stored event; an event
 * that then fails to store only costs a look-up later. Saved with each engine snapshot and topped up by the replay.
 *
 * <p>Sized for {@code capacity} keys at a 1% false-positive rate (9.6 bits and 7 probes per key: 12 MB for ten
 * million). Past capacity the false-positive rate rises and more events are looked up; answers stay correct.
 * Thread-safe: reads from request threads, writes under the engine lock.
 */
final class KnownEvents {
  private static final int PROBES = 7;
  private static final double BITS_PER_KEY = 9.6;

  private final AtomicLongArray words;
  private final long bits;

  KnownEvents(long capacity) {
    long wanted = (long) Math.ceil(Math.max(1, capacity) * BITS_PER_KEY);
    int wordCount = (int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64);
    this.words = new AtomicLongArray(wordCount);
    this.bits = wordCount * 64L;
  }

  void add(String tenantId, String eventId) {
    long hash = hash(tenantId, eventId);
    int h1 = (int) hash;
    int h2 = (int) (hash >>> 32);
    for (int i = 0; i < PROBES; i++) {
      long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
      long mask = 1L << bit;
      int word = (int) (bit >>> 6);
      if ((words.get(word) & mask) == 0) {
        words.getAndAccumulate(word, mask, (current, m) -> current | m);
      }
    }
  }

  /** False when the key was certainly never added. */
  boolean mightContain(String tenantId, String eventId) {
    long hash = hash(tenantId, eventId);
    int h1 = (int) hash;
    int h2 = (int) (hash >>> 32);
    for (int i = 0; i < PROBES; i++) {
      long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
      if ((words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The bits, for a snapshot; call under the engine lock so that they match the engine's state. */
  byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(words.length() * Long.BYTES);
    for (int i = 0; i < words.length(); i++) {
      out.putLong(words.get(i));
    }
    return out.array();
  }

  /** Loads bits saved by {@link #toBytes}; false (and nothing loaded) when they were saved at another size. */
  boolean load(byte[] saved) {
    if (saved.length != words.length() * Long.BYTES) {
      return false;
    }
    ByteBuffer in = ByteBuffer.wrap(saved);
    for (int i = 0; i < words.length(); i++) {
      words.set(i, in.getLong());
    }
    return true;
  }

  /** 64-bit FNV-1a over both strings (a separator between them), finished with SplitMix64's mixer. */
  private static long hash(String tenantId, String eventId) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, tenantId);
    h = (h ^ 0xFFFF) * 0x100000001b3L;
    h = fnv(h, eventId);
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
