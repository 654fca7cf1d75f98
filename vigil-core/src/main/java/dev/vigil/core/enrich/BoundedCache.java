package dev.vigil.core.enrich;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe map that stops growing at {@code capacity} entries by dropping an arbitrary entry per insert.
 *
 * <p>Why not LRU: the values are cheap to recompute (a parse of a few microseconds), so a miss costs little,
 * and the real-world key distribution is heavily skewed (a few hundred UAs cover most logins), so popular keys
 * come straight back after an unlucky eviction. Arbitrary eviction needs no lock, no per-entry links and no
 * clock. Under concurrent inserts the size may exceed {@code capacity} by the number of racing writers; it
 * never grows beyond that.
 */
final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> entries;
  private final int capacity;

  /**
   * @param capacity the most entries kept; 0 keeps none
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  BoundedCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("cacheSize must be >= 0: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
  }

  @Nullable V get(K key) {
    return entries.get(key);
  }

  void put(K key, V value) {
    if (capacity == 0) {
      return;
    }
    if (entries.size() >= capacity) {
      Iterator<K> keys = entries.keySet().iterator();
      if (keys.hasNext()) {
        entries.remove(keys.next());
      }
    }
    entries.put(key, value);
  }

  int size() {
    return entries.size();
  }
}
