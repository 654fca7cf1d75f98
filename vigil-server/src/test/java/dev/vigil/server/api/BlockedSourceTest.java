package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The blocked mark is one member added to the engine's object; everything else stays byte for byte. */
final class BlockedSourceTest {
  @Test
  void addsTheMemberAfterTheLastOneAndKeepsTheRest() {
    assertThat(BlockedSource.mark("{\"eventId\":\"e-1\",\"decision\":\"ALLOW\"}\n"))
        .isEqualTo("{\"eventId\":\"e-1\",\"decision\":\"ALLOW\",\"blocked\":true}\n");
  }

  @Test
  void marksAnEmptyObjectWithoutALeadingComma() {
    assertThat(BlockedSource.mark("{ }")).isEqualTo("{\"blocked\":true}");
  }
}
