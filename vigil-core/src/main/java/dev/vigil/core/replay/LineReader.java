package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them: the event parser reads UTF-8 bytes directly, so a
 * {@code BufferedReader} would only add a char copy per line. Memory is one buffer that grows to the longest
 * line seen, capped at {@code maxLineBytes}; a longer line is skipped to its end and reported as overlong, so
 * one broken line (say, a file without newlines) cannot exhaust the heap.
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} is dropped. The current line is valid until the next call
 * to {@link #next()}. Not thread-safe.
 */
final class LineReader {
  static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
  private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buffer;
  private int start;
  private int scanned;
  private int end;
  private boolean eof;
  private long lineNumber;
  private int lineStart;
  private int lineLength;
  private boolean overlong;

  LineReader(InputStream in) {
    this(in, DEFAULT_MAX_LINE_BYTES, INITIAL_BUFFER_BYTES);
  }

  LineReader(InputStream in, int maxLineBytes, int initialBufferBytes) {
    this.in = requireNonNull(in, "in");
    if (maxLineBytes < 1 || initialBufferBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes and initialBufferBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.min(initialBufferBytes, maxLineBytes + 2)];
  }

  /** Moves to the next line; {@code false} at the end of the stream. */
  boolean next() throws IOException {
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buffer[i] == '\n') {
          take(start, i);
          start = i + 1;
          scanned = start;
          return true;
        }
      }
      scanned = end;
      if (eof) {
        if (start == end) {
          return false;
        }
        take(start, end);
        start = end;
        return true;
      }
      makeRoom();
      if (end == buffer.length) {
        skipOverlongLine();
        return true;
      }
      fill();
    }
  }

  long lineNumber() {
    return lineNumber;
  }

  byte[] bytes() {
    return buffer;
  }

  int offset() {
    return lineStart;
  }

  int length() {
    return lineLength;
  }

  /** Whether the current line was longer than the limit; its bytes are then gone and {@link #length()} is 0. */
  boolean overlong() {
    return overlong;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  private void take(int from, int to) {
    lineNumber++;
    overlong = false;
    lineStart = from;
    int length = to - from;
    if (length > 0 && buffer[to - 1] == '\r') {
      length--;
    }
    lineLength = length;
    if (lineLength > maxLineBytes) {
      overlong = true;
      lineLength = 0;
    }
  }

  /** Compacts the unread bytes to the front, then grows the buffer if it is still full and may grow. */
  private void makeRoom() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    // Room for the longest allowed line plus "\r\n": a full buffer without a newline is then surely overlong.
    if (end == buffer.length && buffer.length < maxLineBytes + 2) {
      int grown = (int) Math.min((long) buffer.length * 2, (long) maxLineBytes + 2);
      buffer = java.util.Arrays.copyOf(buffer, grown);
    }
  }

  private void fill() throws IOException {
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      eof = true;
    } else {
      end += read;
    }
  }

  /** The buffer holds more than {@code maxLineBytes} of one line: drop it up to and including its newline. */
  private void skipOverlongLine() throws IOException {
    lineNumber++;
    overlong = true;
    lineStart = 0;
    lineLength = 0;
    start = 0;
    end = 0;
    scanned = 0;
    while (true) {
      fill();
      if (eof) {
        return;
      }
      for (int i = 0; i < end; i++) {
        if (buffer[i] == '\n') {
          start = i + 1;
          scanned = start;
          return;
        }
      }
      end = 0;
    }
  }
}
