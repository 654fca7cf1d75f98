package dev.vigil.streams;

import dev.vigil.core.VigilEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's engine state in a changelog-backed key-value store: the last engine snapshot, cut into chunks, plus a
 * journal of the events assessed since. vigil-core holds all of a task's profiles in one engine and can only write
 * them all at once, so writing a snapshot per event is out of the question; the journal makes the store exact at
 * every commit anyway: restoring = the snapshot, then the journal replayed through the engine.
 *
 * <p>Layout: {@code meta} = (chunks, first journal sequence), written with each snapshot; {@code snapshot/NNNNNN} = up
 * to {@link #CHUNK_BYTES} bytes of the snapshot each (a changelog record must stay under the broker's message size
 * limit); {@code journal/NNNNNNNNNNNNNNNNNNN} = one event's JSON as it arrived.
 *
 * <p>Thread model: owned by the task's processor, one stream thread.
 */
final class EngineCheckpoint {
  static final int CHUNK_BYTES = 512 * 1024;
  private static final String META = "meta";
  private static final String SNAPSHOT = "snapshot/";
  private static final String JOURNAL = "journal/";
  private static final String JOURNAL_END = "journal/~";
  private static final byte OBSERVED_MARK = 0;
  private static final String ZEROS = "0000000000000000000";

  private final KeyValueStore<String, byte[]> store;
  private int chunks;
  private long journalFirst;
  private long journalNext;

  EngineCheckpoint(KeyValueStore<String, byte[]> store) {
    this.store = store;
    byte[] meta = store.get(META);
    if (meta != null) {
      ByteBuffer buffer = ByteBuffer.wrap(meta);
      chunks = buffer.getInt();
      journalFirst = buffer.getLong();
    }
    journalNext = journalFirst;
  }

  /** Builds the engine from the last snapshot, or empty; then {@link #replayJournal} brings it up to date. */
  VigilEngine restore(VigilEngine.Builder builder) {
    if (chunks > 0) {
      List<ByteArrayInputStream> parts = new ArrayList<>(chunks);
      for (int i = 0; i < chunks; i++) {
        byte[] chunk = store.get(chunkKey(i));
        if (chunk == null) {
          throw new IllegalStateException("engine snapshot chunk " + i + " of " + chunks + " is missing");
        }
        parts.add(new ByteArrayInputStream(chunk));
      }
      try {
        builder.restore(new SequenceInputStream(Collections.enumeration(parts)));
      } catch (IOException e) {
        throw new UncheckedIOException("engine snapshot in the state store is unreadable", e);
      }
    }
    return builder.build();
  }

  /** Hands every event journalled since the snapshot to {@code replay}, oldest first. */
  void replayJournal(Replay replay) {
    journalNext = journalFirst;
    // The journal's end is not in meta (that would be a second write per event): it is where the keys stop.
    try (KeyValueIterator<String, byte[]> journal = store.range(journalKey(journalFirst), JOURNAL_END)) {
      while (journal.hasNext()) {
        byte[] entry = journal.next().value;
        if (entry.length > 0 && entry[0] == OBSERVED_MARK) {
          replay.observed(Arrays.copyOfRange(entry, 1, entry.length));
        } else {
          replay.assessed(entry);
        }
        journalNext++;
      }
    }
  }

  /** Records one assessed event; it is part of the state from the same commit as its outputs. */
  void journal(byte[] event) {
    store.put(journalKey(journalNext++), event);
  }

  /**
   * Records one event of another partition's user that the engine observed (a NUL byte, which JSON cannot start
   * with, marks it), so that a restore counts it again in the source windows, in its place among the assessed ones.
   */
  void journalObserved(byte[] event) {
    byte[] entry = new byte[event.length + 1];
    entry[0] = OBSERVED_MARK;
    System.arraycopy(event, 0, entry, 1, event.length);
    store.put(journalKey(journalNext++), entry);
  }

  /** What a restore does with the journal's entries. */
  interface Replay {
    void assessed(byte[] event);

    void observed(byte[] event);
  }

  /** Events journalled since the last snapshot. */
  long journalled() {
    return journalNext - journalFirst;
  }

  /** Replaces the snapshot with the engine's current state and drops the journal it covers. */
  void snapshot(VigilEngine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      engine.writeSnapshot(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    int newChunks = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
    List<KeyValue<String, byte[]>> puts = new ArrayList<>(newChunks);
    for (int i = 0; i < newChunks; i++) {
      int from = i * CHUNK_BYTES;
      int to = Math.min(bytes.length, from + CHUNK_BYTES);
      byte[] chunk = new byte[to - from];
      System.arraycopy(bytes, from, chunk, 0, chunk.length);
      puts.add(KeyValue.pair(chunkKey(i), chunk));
    }
    store.putAll(puts);
    for (int i = newChunks; i < chunks; i++) {
      store.delete(chunkKey(i));
    }
    for (long seq = journalFirst; seq < journalNext; seq++) {
      store.delete(journalKey(seq));
    }
    chunks = newChunks;
    journalFirst = journalNext;
    writeMeta();
  }

  private void writeMeta() {
    store.put(META, ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(chunks).putLong(journalFirst).array());
  }

  private static String chunkKey(int index) {
    String digits = Integer.toString(index);
    return SNAPSHOT + ZEROS.substring(digits.length() + ZEROS.length() - 6) + digits;
  }

  private static String journalKey(long sequence) {
    String digits = Long.toString(sequence);
    return JOURNAL + ZEROS.substring(digits.length()) + digits;
  }
}
