package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where a replay reads events from: a file or an already open stream (stdin), plain or gzip. Compression is
 * recognised by the gzip magic bytes, not by the name, so {@code zcat}-less pipes and misnamed files both work.
 *
 * <p>Progress is counted in bytes of the source as stored (compressed bytes for gzip) so that it can be set
 * against the file's size. Closing a source opened from a file closes the file; closing one made from a stream
 * leaves that stream open, since the caller (for stdin, the JVM) owns it.
 */
public final class ReplaySource implements Closeable {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER_BYTES = 64 * 1024;

  private final CountingInputStream counted;
  private final InputStream events;
  private final long totalBytes;
  private final boolean ownsStream;

  private ReplaySource(InputStream raw, long totalBytes, boolean ownsStream) throws IOException {
    this.counted = new CountingInputStream(raw);
    this.totalBytes = totalBytes;
    this.ownsStream = ownsStream;
    BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_BYTES);
    this.events = isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
  }

  /**
   * Opens a file of JSONL events, plain or gzip.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   */
  public static ReplaySource open(Path file) throws IOException {
    requireNonNull(file, "file");
    InputStream raw = Files.newInputStream(file);
    try {
      return new ReplaySource(raw, Files.size(file), true);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Reads events from a stream the caller owns, such as {@code System.in}.
   *
   * @param totalBytes the stream's length if known (for progress), else {@code -1}
   */
  public static ReplaySource of(InputStream in, long totalBytes) throws IOException {
    requireNonNull(in, "in");
    return new ReplaySource(new NonClosingInputStream(in), totalBytes, false);
  }

  /** The decompressed bytes; closing them closes the source's own stream. */
  public InputStream events() {
    return events;
  }

  /** Bytes consumed from the stored source so far (read ahead by buffering, so slightly ahead of parsing). */
  long bytesRead() {
    return counted.count;
  }

  /** The stored source's size, or {@code -1} when unknown. */
  long totalBytes() {
    return totalBytes;
  }

  @Override
  public void close() throws IOException {
    events.close();
  }

  @Override
  public String toString() {
    return "ReplaySource[totalBytes=" + totalBytes + ", ownsStream=" + ownsStream + "]";
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
  }

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  private static final class NonClosingInputStream extends FilterInputStream {
    NonClosingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() {
      // The caller owns the stream (stdin); closing it here would break whoever reads it next.
    }
  }
}
