package dev.vigil.server.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, built in one growing byte array and sent with one
 * {@code CopyData} stream. Cheaper on both sides than the multi-row {@code INSERT … SELECT FROM unnest(…)} it
 * replaces for new logins: the server neither parses array literals, timestamps nor numbers, and skips the
 * speculative insertion of {@code ON CONFLICT}; the JVM writes each string's UTF-8 bytes once instead of building
 * an escaped literal and encoding it again (docs/BENCHMARKS.md, 2026-11-23 fourth session).
 *
 * <p>Field encodings are those of the types' {@code recv} functions: text, {@code char(n)} and {@code json} as
 * their UTF-8 text (the client encoding pgjdbc sets), {@code timestamptz} as microseconds since 2000-01-01 UTC,
 * {@code smallint} as two bytes, {@code boolean} as one. Not thread-safe; one per statement.
 */
final class BinaryCopy {
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
      0, 0, 0, 0, // flags: no OIDs
      0, 0, 0, 0}; // no header extension
  /** Seconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private byte[] bytes;
  private int size;

  /** @param expectedBytes a size guess; the buffer grows as needed */
  BinaryCopy(int expectedBytes) {
    bytes = new byte[Math.max(64, expectedBytes)];
    System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
    size = HEADER.length;
  }

  BinaryCopy row(int fields) {
    return int16(fields);
  }

  BinaryCopy text(@Nullable String value) {
    if (value == null) {
      return nullField();
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    ensure(4 + utf8.length);
    int32(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
    return this;
  }

  BinaryCopy bool(boolean value) {
    ensure(5);
    int32(1);
    bytes[size++] = (byte) (value ? 1 : 0);
    return this;
  }

  BinaryCopy smallint(int value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw new IllegalArgumentException("smallint out of range: " + value);
    }
    ensure(6);
    int32(2);
    int16(value);
    return this;
  }

  BinaryCopy timestamptz(Instant instant) {
    long micros = Math.addExact(
        Math.multiplyExact(Math.subtractExact(instant.getEpochSecond(), POSTGRES_EPOCH_SECONDS), 1_000_000L),
        instant.getNano() / 1_000);
    ensure(12);
    int32(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (micros >>> shift);
    }
    return this;
  }

  BinaryCopy nullField() {
    ensure(4);
    return int32(-1);
  }

  /** Ends the stream (the file trailer) and returns its bytes; the builder is spent afterwards. */
  byte[] finish() {
    int16(-1);
    return bytes;
  }

  /** Bytes written so far (after {@link #finish}: the whole stream). */
  int size() {
    return size;
  }

  private BinaryCopy int16(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
    return this;
  }

  private BinaryCopy int32(int value) {
    ensure(4);
    bytes[size++] = (byte) (value >>> 24);
    bytes[size++] = (byte) (value >>> 16);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
    return this;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
