package dev.vigil.server.engine;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL {@code text[]} literal ({@code {"a","b",NULL}}), sent as one string and cast in SQL. pgjdbc's own
 * binary encoding of {@code String[]} copies every character through {@code OutputStream.write(int)}; for the raw
 * events and assessment JSON of a batch that was a tenth of the server's CPU (JFR, docs/BENCHMARKS.md).
 */
final class TextArray {
  private TextArray() {}

  static String of(@Nullable String[] values) {
    int size = 2;
    for (String value : values) {
      size += value == null ? 5 : value.length() + 3;
    }
    StringBuilder literal = new StringBuilder(size + size / 16);
    literal.append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        literal.append(',');
      }
      String value = values[i];
      if (value == null) {
        literal.append("NULL");
        continue;
      }
      literal.append('"');
      int copied = 0;
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        if (ch == '"' || ch == '\\') {
          literal.append(value, copied, c).append('\\');
          copied = c; // the quote or backslash itself goes out with the next run
        }
      }
      literal.append(value, copied, value.length()).append('"');
    }
    return literal.append('}').toString();
  }
}
