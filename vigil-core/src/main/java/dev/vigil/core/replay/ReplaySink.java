package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Where a replay writes assessments (JSONL): a file, gzip-compressed when its name ends in {@code .gz}, or an
 * already open stream such as {@code System.out}.
 *
 * <p>Closing a sink made from a file finishes and closes the file; closing one made from a stream only flushes
 * it, since the caller owns it.
 */
public final class ReplaySink implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final OutputStream out;

  private ReplaySink(OutputStream out) {
    this.out = out;
  }

  /** Creates (or truncates) {@code file}, and its missing parent directories. */
  public static ReplaySink create(Path file) throws IOException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream raw = Files.newOutputStream(file);
    try {
      boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
      return new ReplaySink(gzip ? new GZIPOutputStream(raw, BUFFER_BYTES) : new BufferedOutputStream(raw,
          BUFFER_BYTES));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Writes to a stream the caller owns, such as {@code System.out}; {@link #close()} only flushes it. */
  public static ReplaySink of(OutputStream out) {
    requireNonNull(out, "out");
    return new ReplaySink(new BufferedOutputStream(new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    }, BUFFER_BYTES));
  }

  OutputStream stream() {
    return out;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
