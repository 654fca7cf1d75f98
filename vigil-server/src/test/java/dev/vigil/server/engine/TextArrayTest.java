package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code text[]} literal: quotes and backslashes escaped, nulls as NULL, everything else as is. */
final class TextArrayTest {
  @Test
  void quotesEveryElementAndEscapesQuotesAndBackslashes() {
    String literal = TextArray.of(new String[] {"plain", "{\"a\":\"b\\\\c\"}", null, "", "NULL", "x,y"});

    assertThat(literal).isEqualTo("{\"plain\",\"{\\\"a\\\":\\\"b\\\\\\\\c\\\"}\",NULL,\"\",\"NULL\",\"x,y\"}");
  }
}
