package dev.vigil.cli;

import static dev.vigil.cli.Run.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class VigilCommandTest {

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    Run run = vigil("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: vigil", "replay", "help", "--verbose", "Exit codes:");
  }

  @Test
  void everySubcommandsHelpRendersWithoutFormatWarnings() {
    for (String command : new String[] {"simulate", "replay", "import", "tail", "evaluate", "streams"}) {
      Run run = vigil(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      // picocli reads descriptions as format strings: an unescaped % prints a warning and the raw text
      assertThat(run.out() + run.err()).as(command).doesNotContain("picocli WARN", "%n");
    }
    assertThat(vigil("evaluate", "--help").out()).contains("TPR at 1% and 2% FPR");
  }

  @Test
  void versionNamesVigilAndTheJava() {
    Run run = vigil("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("vigil ").contains("Java ");
  }

  @Test
  void withoutASubcommandItIsAUsageError() {
    Run run = vigil();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand", "Usage: vigil");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    Run run = vigil("dance");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument", "dance");
  }
}
