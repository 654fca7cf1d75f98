package dev.vigil.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LineReaderTest {

  @Test
  void joinsLinesThatSpanBufferRefills() throws IOException {
    // A 4-byte starting buffer forces every line across several reads and one growth.
    LineReader reader = reader("first line\nsecond\n\nthird, last", 64, 4);

    assertThat(readAll(reader)).containsExactly("first line", "second", "", "third, last");
    assertThat(reader.lineNumber()).isEqualTo(4);
  }

  @Test
  void skipsAnOverlongLineAndKeepsCountingAfterIt() throws IOException {
    LineReader reader = reader("ok\n" + "x".repeat(100) + "\nstill ok\n", 16, 4);

    assertThat(reader.next()).isTrue();
    assertThat(reader.overlong()).isFalse();
    assertThat(reader.next()).isTrue();
    assertThat(reader.overlong()).isTrue();
    assertThat(reader.lineNumber()).isEqualTo(2);
    assertThat(reader.next()).isTrue();
    assertThat(text(reader)).isEqualTo("still ok");
    assertThat(reader.lineNumber()).isEqualTo(3);
    assertThat(reader.next()).isFalse();
  }

  @Test
  void acceptsALineOfExactlyTheLimit() throws IOException {
    LineReader reader = reader("x".repeat(16) + "\r\n", 16, 4);

    assertThat(reader.next()).isTrue();
    assertThat(reader.overlong()).isFalse();
    assertThat(reader.length()).isEqualTo(16);
  }

  @Test
  void readsNothingFromAnEmptyStream() throws IOException {
    assertThat(reader("", 16, 4).next()).isFalse();
  }

  private static LineReader reader(String text, int maxLineBytes, int initialBufferBytes) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes,
        initialBufferBytes);
  }

  private static List<String> readAll(LineReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    while (reader.next()) {
      lines.add(text(reader));
    }
    return lines;
  }

  private static String text(LineReader reader) {
    return new String(reader.bytes(), reader.offset(), reader.length(), StandardCharsets.UTF_8);
  }
}
